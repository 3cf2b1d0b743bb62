import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert, TextField, splitErrors } from '@/components/form';
import type { Session } from '@/lib/session';
import { useLogIn } from '../api/log-in';

const FIELDS = ['email', 'password'] as const;

const GENERAL_MESSAGES = { FORBIDDEN: 'Verify your email first: follow the link we emailed you.' };

interface TenantChoice {
  slug: string;
  name: string;
  role: string;
}

const ROLE_LABELS: Record<string, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' };

/** Email + password; a member of several organizations then picks one. */
export function LogInForm({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [choices, setChoices] = useState<TenantChoice[] | null>(null);
  const { fields, general } = splitErrors(logIn.error, FIELDS, GENERAL_MESSAGES);

  const submit = (tenantSlug: string | null) => {
    logIn.mutate(
      { email, password, tenantSlug },
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChoices(null);
    submit(null);
  };

  if (choices) {
    return (
      <>
        {general || fields.password || fields.email ? (
          <FormAlert>{general ?? fields.password ?? fields.email}</FormAlert>
        ) : null}
        <section className="form" aria-labelledby="tenant-choice-title">
          <h2 id="tenant-choice-title" className="form__label">
            Choose an organization
          </h2>
          <ul className="choice-list">
            {choices.map((tenant) => (
              <li key={tenant.slug}>
                <button type="button" className="choice-list__button" disabled={logIn.isPending} onClick={() => submit(tenant.slug)}>
                  <span>{tenant.name}</span>
                  <span className="choice-list__meta">
                    {tenant.slug} · {ROLE_LABELS[tenant.role] ?? tenant.role}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setChoices(null);
                logIn.reset();
              }}
            >
              Back
            </button>
          </div>
        </section>
      </>
    );
  }

  return (
    <>
      {general ? <FormAlert>{general}</FormAlert> : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Log in">
        <TextField label="Email" name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          required
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={logIn.isPending}>
            {logIn.isPending ? 'Logging in…' : 'Log in'}
          </button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
    </>
  );
}
