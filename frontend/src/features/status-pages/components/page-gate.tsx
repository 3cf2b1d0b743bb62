import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { FormAlert, TextField, splitErrors, validators } from '@/components/form';
import { errorCodeOf, retryAfterOf } from '@/lib/graphql-client';
import { useRequestStatusPageAccess, useUnlockStatusPage, type PageLock } from '../api/page-access';
import { LockIcon } from './lock-icon';
import { MailIcon } from './mail-icon';
import { useHostOrganization } from './subscription-frame';
import { waitText } from './subscribe-form';
import './public-status-page.css';
import './page-gate.css';

const WRONG_PASSWORD = 'That’s not the password for this page. Check it and try again.';
const checkEmail = validators.email('your email address');

/** Messages for what retrying the same thing now cannot fix. */
function generalMessage(error: unknown, what: 'attempts' | 'requests'): string | null {
  const code = errorCodeOf(error);
  if (code === 'RATE_LIMITED') return `Too many ${what}. Please try again ${waitText(retryAfterOf(error))}.`;
  if (code === 'NOT_FOUND') return 'This status page no longer exists.';
  return null;
}

function focusField(form: HTMLFormElement | null, name: string, select = false) {
  const input = form?.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  input?.focus();
  if (select) input?.select();
}

interface GateFormProps {
  slug: string;
  onGranted: (token: string, expiresAt: string | null) => void;
}

function PasswordForm({ slug, onGranted }: GateFormProps) {
  const unlock = useUnlockStatusPage();
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const server = splitErrors(unlock.error, ['password'], {}, {
    // The server says "is not this page's password"; a page no longer behind a password says so.
    password: (text) => (/not protected/i.test(text) ? `${text} Reload the page to see it.` : WRONG_PASSWORD),
  });
  const general = unlock.isError ? (generalMessage(unlock.error, 'attempts') ?? server.general) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password === '') {
      setClientError('Enter the page’s password.');
      focusField(form.current, 'password');
      return;
    }
    setClientError(undefined);
    unlock.mutate(
      { slug, password },
      {
        onSuccess: (grant) => onGranted(grant.token, String(grant.expiresAt)),
        onError: () => focusField(form.current, 'password', true),
      },
    );
  };

  return (
    <form ref={form} className="sp-gate__form" onSubmit={onSubmit} noValidate aria-label="Unlock the status page">
      {general ? <FormAlert>{general}</FormAlert> : null}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={clientError ?? server.fields.password}
        required
        onChange={(e) => {
          setClientError(undefined);
          if (unlock.isError) unlock.reset();
          setPassword(e.target.value);
        }}
      />
      <Button type="submit" className="sp-gate__submit" pending={unlock.isPending} pendingLabel="Checking…">
        View status page
      </Button>
    </form>
  );
}

function EmailForm({ slug }: { slug: string }) {
  const requestLink = useRequestStatusPageAccess();
  const [email, setEmail] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const refocus = useRef(false);
  const sentId = useId();
  const server = splitErrors(requestLink.error, ['email']);
  const general = requestLink.isError ? (generalMessage(requestLink.error, 'requests') ?? server.general) : null;

  useEffect(() => {
    if (requestLink.isSuccess) sentHeading.current?.focus();
    else if (refocus.current) focusField(form.current, 'email', true);
    refocus.current = false;
  }, [requestLink.isSuccess]);

  if (requestLink.isSuccess) {
    return (
      <section className="sp-gate__sent" aria-labelledby={sentId} data-testid="gate-link-sent">
        <span className="sp-gate__sent-icon">
          <MailIcon className="sp-gate__sent-mail" />
        </span>
        <h2 id={sentId} className="sp-gate__sent-title" ref={sentHeading} tabIndex={-1}>
          Check your inbox
        </h2>
        <p data-testid="gate-link-message">{requestLink.data.message}</p>
        <p className="muted">Open the link on this device to see the page here. It may take a minute to arrive; check your spam folder too.</p>
        <Button
          variant="secondary"
          onClick={() => {
            refocus.current = true;
            requestLink.reset();
          }}
        >
          Use another address
        </Button>
      </section>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = checkEmail(email);
    setClientError(problem);
    if (problem) {
      focusField(form.current, 'email');
      return;
    }
    requestLink.mutate({ slug, email: email.trim() }, { onError: () => focusField(form.current, 'email') });
  };

  return (
    <form ref={form} className="sp-gate__form" onSubmit={onSubmit} noValidate aria-label="Email me a link to the status page">
      {general ? <FormAlert>{general}</FormAlert> : null}
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        placeholder="you@company.com"
        value={email}
        error={clientError ?? server.fields.email}
        required
        onChange={(e) => {
          setClientError(undefined);
          if (requestLink.isError) requestLink.reset();
          setEmail(e.target.value);
        }}
      />
      <Button type="submit" className="sp-gate__submit" pending={requestLink.isPending} pendingLabel="Sending…">
        Email me a link
      </Button>
    </form>
  );
}

export interface PageGateProps {
  /** The page's path on this host (`""`: the default page). */
  slug: string;
  lock: PageLock;
  /** Keeps the grant the visitor got (the page then loads with it). */
  onGranted: (token: string, expiresAt: string | null) => void;
  /** The visitor's earlier access was refused (settings changed, or the grant expired): say so. */
  ended?: boolean;
}

/**
 * What a visitor of a restricted page sees instead of it: the page's title, a padlock, and the
 * way in — its password, or a link mailed to an address in one of its domains.
 */
export function PageGate({ slug, lock, onGranted, ended = false }: PageGateProps) {
  const organization = useHostOrganization();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const title = lock.title || 'Private status page';

  useEffect(() => {
    document.title = organization && !title.includes(organization) ? `${title} · ${organization}` : title;
  }, [title, organization]);

  // Replacing a page the visitor was looking at: keep their place on the new content.
  useEffect(() => {
    if (ended) heading.current?.focus();
  }, [ended]);

  return (
    <div className="sp">
      <header className="sp-header">
        <div className="sp-container">
          <p className="sp-header__org">{organization ?? 'Status'}</p>
        </div>
      </header>
      <main id="main" className="sp-main sp-container sp-gate__main" tabIndex={-1}>
        <section className="sp-gate" aria-labelledby={titleId} data-testid="page-gate" data-access={lock.access}>
          <span className="sp-gate__lock">
            <LockIcon className="sp-gate__lock-icon" />
          </span>
          <div className="sp-gate__intro">
            <h1 id={titleId} className="sp-gate__title" ref={heading} tabIndex={-1}>
              {title}
            </h1>
            <p className="sp-gate__lead">
              {lock.access === 'PASSWORD'
                ? 'This status page is private. Enter its password to view it.'
                : 'This status page is private. Enter your work email, and we’ll send you a link that opens it if your address may view it.'}
            </p>
          </div>
          {ended ? (
            <FormAlert tone="info">
              {lock.access === 'PASSWORD'
                ? 'Your access to this page has ended: its password may have changed. Enter the password again.'
                : 'Your access to this page has ended: its link expired or its settings changed. Ask for a new link.'}
            </FormAlert>
          ) : null}
          {lock.access === 'PASSWORD' ? <PasswordForm slug={slug} onGranted={onGranted} /> : <EmailForm slug={slug} />}
        </section>
      </main>
      <footer className="sp-footer">
        <div className="sp-container sp-footer__inner">
          <span>
            Powered by <strong>Beacon</strong>
          </span>
        </div>
      </footer>
    </div>
  );
}
