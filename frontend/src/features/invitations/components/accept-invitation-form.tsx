import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors, useFormValidation, validators, type Validator } from '@/components/form';
import { roleLabel } from '@/lib/roles';
import { useAcceptInvitation } from '../api/accept-invitation';

type Flow = 'new' | 'existing';
type Field = 'name' | 'password';

const NEW_RULES: Partial<Record<Field, Validator>> = {
  name: validators.required('your name'),
  password: validators.minLength('your new password', MIN_PASSWORD_LENGTH),
};
const EXISTING_RULES: Partial<Record<Field, Validator>> = { password: validators.required('your Beacon password') };

/**
 * Accepts an invitation in one of two clearly separate ways: as someone new to Beacon (name and
 * a new password: the emailed link proves the address) or with an existing account (its password).
 */
export function AcceptInvitationForm({ token }: { token: string }) {
  const acceptInvitation = useAcceptInvitation();
  const [flow, setFlow] = useState<Flow>('new');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { errors, handleSubmit, clearError, setErrors } = useFormValidation<Field>(flow === 'new' ? NEW_RULES : EXISTING_RULES);
  const { fields, general } = splitErrors(acceptInvitation.error, ['name', 'password', 'token']);

  const choose = (next: Flow) => {
    setFlow(next);
    setErrors({});
    acceptInvitation.reset();
  };

  if (acceptInvitation.isSuccess) {
    const { tenantSlug, role } = acceptInvitation.data;
    return (
      <FormAlert tone="success">
        <p data-testid="invitation-accepted">
          You joined {tenantSlug} as {roleLabel(role).toLowerCase()}.
        </p>
        <p>
          <Link to="/login">Log in</Link> to get started.
        </p>
      </FormAlert>
    );
  }

  const onValid = () =>
    acceptInvitation.mutate(flow === 'new' ? { token, password, name: name.trim() } : { token, password });

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {fields.token ? (
        <FormAlert>
          <p>{fields.token}</p>
          <p>Ask whoever invited you to send a new invitation.</p>
        </FormAlert>
      ) : null}
      <fieldset className="segmented">
        <legend className="visually-hidden">Do you have a Beacon account?</legend>
        <label className="segmented__option">
          <input type="radio" name="flow" value="new" checked={flow === 'new'} onChange={() => choose('new')} />
          <span>
            <span className="segmented__title">I’m new to Beacon</span>
            <span className="segmented__desc">Create your account with the invited address.</span>
          </span>
        </label>
        <label className="segmented__option">
          <input type="radio" name="flow" value="existing" checked={flow === 'existing'} onChange={() => choose('existing')} />
          <span>
            <span className="segmented__title">I already have an account</span>
            <span className="segmented__desc">Confirm with your Beacon password.</span>
          </span>
        </label>
      </fieldset>
      <form
        className="form"
        onSubmit={handleSubmit({ name, password }, onValid)}
        noValidate
        aria-label={flow === 'new' ? 'Create your account and join' : 'Join with your account'}
      >
        {flow === 'new' ? (
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => {
              clearError('name');
              setName(e.target.value);
            }}
            error={errors.name ?? fields.name}
            required
          />
        ) : null}
        <TextField
          label={flow === 'new' ? 'Choose a password' : 'Your Beacon password'}
          name="password"
          type="password"
          autoComplete={flow === 'new' ? 'new-password' : 'current-password'}
          value={password}
          onChange={(e) => {
            clearError('password');
            setPassword(e.target.value);
          }}
          error={errors.password ?? fields.password}
          hint={flow === 'new' ? `At least ${MIN_PASSWORD_LENGTH} characters.` : 'The password you log in to Beacon with.'}
          required
        />
        <div className="form__actions">
          <Button type="submit" pending={acceptInvitation.isPending} pendingLabel="Joining…">
            {flow === 'new' ? 'Create account and join' : 'Join organization'}
          </Button>
          {flow === 'existing' ? <Link to="/forgot-password">Forgot your password?</Link> : null}
        </div>
      </form>
    </>
  );
}
