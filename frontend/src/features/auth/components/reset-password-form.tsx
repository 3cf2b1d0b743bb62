import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { useResetPassword } from '../api/reset-password';

const RULES = { newPassword: validators.minLength('your new password', MIN_PASSWORD_LENGTH) } as const;

/** Sets a new password with the token from a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const resetPassword = useResetPassword();
  const [newPassword, setNewPassword] = useState('');
  const { errors, handleSubmit, clearError } = useFormValidation<'newPassword'>(RULES);
  const { fields, general } = splitErrors(resetPassword.error, ['newPassword', 'token']);

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
      <form
        className="form"
        onSubmit={handleSubmit({ newPassword }, () => resetPassword.mutate({ token, newPassword }))}
        noValidate
        aria-label="Choose a new password"
      >
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => {
            clearError('newPassword');
            setNewPassword(e.target.value);
          }}
          error={errors.newPassword ?? fields.newPassword}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          required
        />
        <div className="form__actions">
          <Button type="submit" pending={resetPassword.isPending} pendingLabel="Saving…">
            Set new password
          </Button>
        </div>
      </form>
    </>
  );
}
