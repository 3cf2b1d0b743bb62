import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert, TextField, splitErrors, useFormValidation, validators } from '@/components/form';
import { errorCodeOf } from '@/lib/graphql-client';
import type { Session } from '@/lib/session';
import { useLogIn } from '../api/log-in';
import { ResendVerification } from './resend-verification';
import { TenantPicker, type TenantChoice } from './tenant-picker';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const RULES = { email: validators.email('your email address'), password: validators.required('your password') } as const;

const GENERAL_MESSAGES = { FORBIDDEN: 'Verify your email first: follow the link we emailed you.' };

/**
 * Email + password; a member of several organizations then picks one. On a tenant host
 * (`tenantSlug`) the organization is given, so there is no choice to make.
 */
export function LogInForm({
  onLoggedIn,
  initialEmail = '',
  tenantSlug = null,
}: {
  onLoggedIn: (session: Session) => void;
  initialEmail?: string;
  tenantSlug?: string | null;
}) {
  const logIn = useLogIn();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [choices, setChoices] = useState<TenantChoice[] | null>(null);
  const { errors, handleSubmit, clearError } = useFormValidation<Field>(RULES);
  const { fields, general } = splitErrors(logIn.error, FIELDS, GENERAL_MESSAGES);

  const submit = (slug: string | null) => {
    logIn.mutate(
      { email: email.trim(), password, tenantSlug: slug },
      {
        onSuccess: (result) => {
          if (result.__typename === 'TenantChoicePayload') {
            setChoices(result.tenants);
          } else {
            onLoggedIn(result);
          }
        },
      },
    );
  };

  if (choices) {
    return (
      <>
        {general || fields.password || fields.email ? <FormAlert>{general ?? fields.password ?? fields.email}</FormAlert> : null}
        <TenantPicker
          choices={choices}
          pending={logIn.isPending}
          onPick={submit}
          onBack={() => {
            setChoices(null);
            logIn.reset();
          }}
        />
      </>
    );
  }

  // FORBIDDEN is an account whose address is not verified yet: offer a fresh link to the
  // address that was tried (not whatever the field holds now).
  const unverifiedEmail = errorCodeOf(logIn.error) === 'FORBIDDEN' ? (logIn.variables?.email ?? null) : null;

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      {unverifiedEmail ? <ResendVerification email={unverifiedEmail} lead={`Lost the email, or the link expired? We can send ${unverifiedEmail} a new one.`} /> : null}
      <form
        className="form"
        onSubmit={handleSubmit({ email, password }, () => {
          setChoices(null);
          submit(tenantSlug);
        })}
        noValidate
        aria-label="Log in"
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => {
            clearError('email');
            setEmail(e.target.value);
          }}
          error={errors.email ?? fields.email}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            clearError('password');
            setPassword(e.target.value);
          }}
          error={errors.password ?? fields.password}
          required
        />
        <div className="form__actions">
          <Button type="submit" pending={logIn.isPending} pendingLabel="Logging in…">
            Log in
          </Button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
    </>
  );
}
