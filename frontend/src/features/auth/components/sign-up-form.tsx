import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors } from '@/components/form';
import { useSignUp } from '../api/sign-up';

const FIELDS = ['email', 'password', 'name', 'tenantName', 'tenantSlug'] as const;

/** Creates an account and organization, then tells the user to check their inbox. */
export function SignUpForm() {
  const signUp = useSignUp();
  const [values, setValues] = useState({ email: '', password: '', name: '', tenantName: '', tenantSlug: '' });
  const { fields, general } = splitErrors(signUp.error, FIELDS);

  const update = (field: (typeof FIELDS)[number]) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate(values);
  };

  if (signUp.isSuccess) {
    return (
      <FormAlert tone="success">
        <p>{signUp.data.message}</p>
        <p>
          Your organization’s address: <strong data-testid="tenant-host">{signUp.data.tenantHost}</strong>
        </p>
      </FormAlert>
    );
  }

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign up">
        <TextField label="Your name" name="name" autoComplete="name" value={values.name} onChange={update('name')} error={fields.name} required />
        <TextField label="Email" name="email" type="email" autoComplete="email" value={values.email} onChange={update('email')} error={fields.email} required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={update('password')}
          error={fields.password}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
        />
        <TextField
          label="Organization name"
          name="tenantName"
          autoComplete="organization"
          value={values.tenantName}
          onChange={update('tenantName')}
          error={fields.tenantName}
          required
        />
        <TextField
          label="Organization address"
          name="tenantSlug"
          autoComplete="off"
          value={values.tenantSlug}
          onChange={update('tenantSlug')}
          error={fields.tenantSlug}
          hint="Lowercase letters, digits and dashes, e.g. acme."
          required
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={signUp.isPending}>
            {signUp.isPending ? 'Creating account…' : 'Create account'}
          </button>
          <span>
            Already have an account? <Link to="/login">Log in</Link>
          </span>
        </div>
      </form>
    </>
  );
}
