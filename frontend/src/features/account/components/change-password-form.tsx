import { useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert, MIN_PASSWORD_LENGTH, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { useToast } from '@/components/toast';
import { useChangePassword } from '../api/change-password';

type Field = 'currentPassword' | 'newPassword';

const RULES = {
  currentPassword: validators.required('your current password'),
  newPassword: validators.minLength('your new password', MIN_PASSWORD_LENGTH),
} as const;

/** Changes the password of the logged-in user (their other sessions end). */
export function ChangePasswordForm() {
  const changePassword = useChangePassword();
  const toast = useToast();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(RULES);
  const { fields, general } = splitErrors(changePassword.error, ['currentPassword', 'newPassword']);

  const onValid = () =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          toast({ title: 'Password changed', description: 'Your other sessions have been logged out.' });
        },
      },
    );

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {changePassword.isSuccess ? (
        <FormAlert tone="success">Your password has been changed. Your other sessions have been logged out.</FormAlert>
      ) : null}
      <form className="form" onSubmit={handleSubmit({ currentPassword, newPassword }, onValid)} noValidate aria-label="Change password">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => {
            clearError('currentPassword');
            setCurrentPassword(e.target.value);
          }}
          error={errors.currentPassword ?? fields.currentPassword}
          required
        />
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
          <Button type="submit" pending={changePassword.isPending} pendingLabel="Saving…">
            Change password
          </Button>
        </div>
      </form>
    </>
  );
}
