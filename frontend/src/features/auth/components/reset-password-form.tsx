import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors } from '@/components/form';
import { useResetPassword } from '../api/reset-password';

/** Sets a new password with the token from a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const resetPassword = useResetPassword();
  const [newPassword, setNewPassword] = useState('');
  const { fields, general } = splitErrors(resetPassword.error, ['newPassword', 'token']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    resetPassword.mutate({ token, newPassword });
  };

  if (resetPassword.isSuccess) {
    return (
      <FormAlert tone="success">
        <p>Your password has been changed, and every session has been logged out.</p>
        <p>
          <Link to="/login">Log in with your new password</Link>
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
          <p>
            <Link to="/forgot-password">Request a new reset link</Link>
          </p>
        </FormAlert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={fields.newPassword}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={resetPassword.isPending}>
            {resetPassword.isPending ? 'Saving…' : 'Set new password'}
          </button>
        </div>
      </form>
    </>
  );
}
