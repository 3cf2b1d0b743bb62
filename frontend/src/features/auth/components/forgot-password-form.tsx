import { useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { useRequestPasswordReset } from '../api/request-password-reset';

const RULES = { email: validators.email('the email address of your account') } as const;

/** Asks for a password-reset link by email (checked client-side before anything is sent). */
export function ForgotPasswordForm() {
  const requestReset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const { errors, handleSubmit, clearError } = useFormValidation<'email'>(RULES);
  const { fields, general } = splitErrors(requestReset.error, ['email']);

  if (requestReset.isSuccess) {
    return (
      <FormAlert tone="success">
        If <strong>{email.trim()}</strong> has a Beacon account, we have emailed it a link to reset the password. The link works
        for 24 hours.
      </FormAlert>
    );
  }

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form
        className="form"
        onSubmit={handleSubmit({ email }, () => requestReset.mutate(email.trim()))}
        noValidate
        aria-label="Reset password"
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => {
            clearError('email');
            setEmail(e.target.value);
          }}
          error={errors.email ?? fields.email}
          required
        />
        <div className="form__actions">
          <Button type="submit" pending={requestReset.isPending} pendingLabel="Sending…">
            Email me a reset link
          </Button>
        </div>
      </form>
    </>
  );
}
