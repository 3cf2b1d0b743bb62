import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { slugify } from '@/lib/hosts';
import { useSignUp } from '../api/sign-up';
import { ResendVerification } from './resend-verification';

const FIELDS = ['name', 'email', 'password', 'tenantName', 'tenantSlug'] as const;
type Field = (typeof FIELDS)[number];

const RULES = {
  name: validators.required('your name'),
  email: validators.email('your email address'),
  password: validators.minLength('your password', MIN_PASSWORD_LENGTH),
  tenantName: validators.required('the name of your organization'),
  tenantSlug: validators.slug('the organization address'),
} as const;

/** The server's field messages, as sentences that say which field they are about. */
const SERVER_FIELD_MESSAGES: Record<string, (message: string) => string> = {
  name: (m) => `Your name: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  email: (m) => `Email address: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  password: (m) => `Password: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  tenantName: (m) => `Organization name: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  tenantSlug: (m) => `Organization address: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
};

/**
 * Creates an account and organization, then tells the user to check their inbox (and offers a
 * new link). `baseDomain` is the server's BASE_DOMAIN: the organization's address is
 * `<slug>.<baseDomain>`.
 */
export function SignUpForm({ baseDomain }: { baseDomain: string }) {
  const signUp = useSignUp();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '', name: '', tenantName: '', tenantSlug: '' });
  // The address follows the organization name until the user edits it.
  const [slugEdited, setSlugEdited] = useState(false);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(RULES);
  const server = splitErrors(signUp.error, FIELDS, {}, SERVER_FIELD_MESSAGES);

  const update = (field: Field) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    clearError(field);
    setValues((v) => {
      const next = { ...v, [field]: value };
      if (field === 'tenantName' && !slugEdited) next.tenantSlug = slugify(value);
      return next;
    });
    if (field === 'tenantSlug') setSlugEdited(true);
  };

  const errorOf = (field: Field) => errors[field] ?? server.fields[field];

  if (signUp.isSuccess) {
    const email = signUp.variables.email.trim();
    return (
      <>
        <FormAlert tone="success">
          <p>
            <strong>Check your inbox.</strong> {signUp.data.message}
          </p>
          <p>
            Your organization’s address is <strong data-testid="tenant-host">{signUp.data.tenantHost}</strong>. Once your email is
            verified, log in there or from this page.
          </p>
          <p>
            <Link to={`/login?email=${encodeURIComponent(email)}`}>Go to log in</Link>
          </p>
        </FormAlert>
        <ResendVerification email={email} lead={`No email after a few minutes? Check your spam folder, or get a new link for ${email}.`} />
      </>
    );
  }

  return (
    <>
      {server.general ? <FormAlert>{server.general}</FormAlert> : null}
      <form className="form" onSubmit={handleSubmit(values, () => signUp.mutate(values))} noValidate aria-label="Sign up">
        <TextField label="Your name" name="name" autoComplete="name" value={values.name} onChange={update('name')} error={errorOf('name')} required />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={update('email')}
          error={errorOf('email')}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={update('password')}
          error={errorOf('password')}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
        />
        <TextField
          label="Organization name"
          name="tenantName"
          autoComplete="organization"
          value={values.tenantName}
          onChange={update('tenantName')}
          error={errorOf('tenantName')}
          hint="Your company or team, e.g. Acme Inc."
          required
        />
        <TextField
          label="Organization address"
          name="tenantSlug"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.tenantSlug}
          onChange={update('tenantSlug')}
          error={errorOf('tenantSlug')}
          suffix={`.${baseDomain}`}
          hint={
            values.tenantSlug ? (
              <>
                Your dashboard and status page will live at <strong>{`${values.tenantSlug}.${baseDomain}`}</strong>.
              </>
            ) : (
              'Lowercase letters, digits and dashes; suggested from the organization name.'
            )
          }
          required
        />
        <div className="form__actions">
          <Button type="submit" pending={signUp.isPending} pendingLabel="Creating account…">
            Create account
          </Button>
          <span className="muted">
            Already have an account? <Link to="/login">Log in</Link>
          </span>
        </div>
      </form>
    </>
  );
}
