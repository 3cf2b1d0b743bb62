import { useState, type FormEvent } from 'react';
import { FormAlert, TextField, splitErrors } from '@/components/form';
import { useRequestPasswordReset } from '../api/request-password-reset';

/** Asks for a password-reset link by email. */
export function ForgotPasswordForm() {
  const requestReset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const { fields, general } = splitErrors(requestReset.error, ['email']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    requestReset.mutate(email);
  };

  if (requestReset.isSuccess) {
    return (
      <FormAlert tone="success">
        If <strong>{email}</strong> has an account, we have emailed it a link to reset the password.
      </FormAlert>
    );
  }

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Reset password">
        <TextField label="Email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} required />
        <div className="form__actions">
          <button type="submit" className="button" disabled={requestReset.isPending}>
            {requestReset.isPending ? 'Sending…' : 'Email me a reset link'}
          </button>
        </div>
      </form>
    </>
  );
}
