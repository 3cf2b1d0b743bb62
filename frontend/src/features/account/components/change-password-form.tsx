import { useState, type FormEvent } from 'react';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors } from '@/components/form';
import { useChangePassword } from '../api/change-password';

/** Changes the password of the logged-in user (their other sessions end). */
export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { fields, general } = splitErrors(changePassword.error, ['currentPassword', 'newPassword']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  };

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {changePassword.isSuccess ? (
        <FormAlert tone="success">Your password has been changed. Your other sessions have been logged out.</FormAlert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={fields.currentPassword}
          required
        />
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
          <button type="submit" className="button" disabled={changePassword.isPending}>
            {changePassword.isPending ? 'Saving…' : 'Change password'}
          </button>
        </div>
      </form>
    </>
  );
}
