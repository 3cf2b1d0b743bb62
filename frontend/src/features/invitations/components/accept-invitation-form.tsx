import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors, useFormValidation, validators, type Validator } from '@/components/form';
import { roleLabel } from '@/lib/roles';
import { useAcceptInvitation } from '../api/accept-invitation';
import type { InvitationPreview } from './invitation-summary';

type Field = 'name' | 'password';

const NEW_RULES: Partial<Record<Field, Validator>> = {
  name: validators.required('your name'),
  password: validators.minLength('your new password', MIN_PASSWORD_LENGTH),
};
const EXISTING_RULES: Partial<Record<Field, Validator>> = { password: validators.required('your Beacon password') };

/**
 * Accepts an invitation the one way that fits the invited address (the server's
 * `existingAccount`): with an existing account, its password only; otherwise a name and a new
 * password (the emailed link proves the address).
 */
export function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const acceptInvitation = useAcceptInvitation();
  const existing = invitation.existingAccount;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(existing ? EXISTING_RULES : NEW_RULES);
  const { fields, general } = splitErrors(acceptInvitation.error, ['name', 'password', 'token']);

  if (acceptInvitation.isSuccess) {
    const { role } = acceptInvitation.data;
    return (
      <FormAlert tone="success">
        <p data-testid="invitation-accepted">
          You joined {invitation.tenantName} as {roleLabel(role).toLowerCase()}.
        </p>
        <p>
          <Link to={`/login?email=${encodeURIComponent(invitation.email)}`}>Log in</Link> to get started.
        </p>
      </FormAlert>
    );
  }

  const onValid = () => acceptInvitation.mutate(existing ? { token, password } : { token, password, name: name.trim() });

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {fields.token ? (
        <FormAlert>
          <p>{fields.token}</p>
          <p>Ask whoever invited you to send a new invitation.</p>
        </FormAlert>
      ) : null}
      <p className="invitation__flow" data-testid="invitation-flow">
        {existing ? (
          <>
            <strong>{invitation.email}</strong> already has a Beacon account. Confirm with its password to join.
          </>
        ) : (
          <>
            New to Beacon? Choose your name and a password for <strong>{invitation.email}</strong>.
          </>
        )}
      </p>
      <form
        className="form"
        onSubmit={handleSubmit({ name, password }, onValid)}
        noValidate
        aria-label={existing ? 'Join with your account' : 'Create your account and join'}
      >
        {/* The invited address, read-only: it cannot change, and password managers file the password under it. */}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={invitation.email}
          hint="The address the invitation was sent to."
          readOnly
        />
        {existing ? null : (
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
        )}
        <TextField
          label={existing ? 'Your Beacon password' : 'Choose a password'}
          name="password"
          type="password"
          autoComplete={existing ? 'current-password' : 'new-password'}
          value={password}
          onChange={(e) => {
            clearError('password');
            setPassword(e.target.value);
          }}
          error={errors.password ?? fields.password}
          hint={existing ? 'The password you log in to Beacon with.' : `At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
        />
        <div className="form__actions">
          <Button type="submit" pending={acceptInvitation.isPending} pendingLabel="Joining…">
            {existing ? `Join ${invitation.tenantName}` : 'Create account and join'}
          </Button>
          {existing ? <Link to="/forgot-password">Forgot your password?</Link> : null}
        </div>
      </form>
    </>
  );
}
