import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors } from '@/components/form';
import { useAcceptInvitation } from '../api/accept-invitation';

const ROLE_LABELS: Readonly<Record<string, string>> = { OWNER: 'owner', ADMIN: 'admin', MEMBER: 'member', VIEWER: 'viewer' };

/** Accepts an invitation: a new account (name + new password) or an existing one (its password). */
export function AcceptInvitationForm({ token }: { token: string }) {
  const acceptInvitation = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { fields, general } = splitErrors(acceptInvitation.error, ['name', 'password', 'token']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    acceptInvitation.mutate({ token, password, ...(trimmed ? { name: trimmed } : {}) });
  };

  if (acceptInvitation.isSuccess) {
    const { tenantSlug, role } = acceptInvitation.data;
    return (
      <FormAlert tone="success">
        <p data-testid="invitation-accepted">
          You joined {tenantSlug} as {ROLE_LABELS[role] ?? role}.
        </p>
        <p>
          <Link to="/login">Log in</Link>
        </p>
      </FormAlert>
    );
  }

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {fields.token ? (
        <FormAlert>
          <p>{fields.token}</p>
          <p>Ask whoever invited you to send a new invitation.</p>
        </FormAlert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Accept invitation">
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="Only if you are new to Beacon."
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          hint={`Your Beacon password if you already have an account; otherwise choose one (at least ${MIN_PASSWORD_LENGTH} characters).`}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={acceptInvitation.isPending}>
            {acceptInvitation.isPending ? 'Joining…' : 'Accept invitation'}
          </button>
        </div>
      </form>
    </>
  );
}
