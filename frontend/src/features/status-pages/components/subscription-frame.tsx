import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { useServerHost } from '@/lib/hosts';
import type { Tone } from './format';
import { MailIcon } from './mail-icon';
import { StatusIcon } from './status-icon';
import './public-status-page.css';
import './subscribe.css';

/** The organization whose host this is, by name; null on another host or while unknown. */
export function useHostOrganization(): string | null {
  return useServerHost().host?.tenant?.name ?? null;
}

/**
 * The frame of the pages behind subscriber emails' links: the public status page's look (the
 * organization in the header, "Powered by Beacon" below) around one card.
 */
export function SubscriptionFrame({ children }: { children: ReactNode }) {
  const organization = useHostOrganization();
  return (
    <div className="sp">
      <header className="sp-header">
        <div className="sp-container">
          <p className="sp-header__org">{organization ?? 'Status updates'}</p>
        </div>
      </header>
      <main id="main" className="sp-main sp-container" tabIndex={-1}>
        {children}
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

interface OutcomeCardProps {
  tone: Tone;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** Move focus to the title when it appears (after an action replaced the card's content). */
  focusTitle?: boolean;
  testId?: string;
}

/**
 * One card: an icon (an envelope while asking or waiting, `tone` `none`; else the status's
 * shape), the page's only heading, what it means, and what to do next.
 */
export function OutcomeCard({ tone, title, children, actions, focusTitle = false, testId }: OutcomeCardProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle, title]);
  return (
    <section className={`sp-link-page sp-tone--${tone}`} aria-labelledby="sp-link-page-title" data-testid={testId}>
      {tone === 'none' ? (
        <span className="sp-link-page__mail">
          <MailIcon className="sp-link-page__mail-icon" />
        </span>
      ) : (
        <StatusIcon tone={tone} className="sp-link-page__icon" />
      )}
      <h1 id="sp-link-page-title" className="sp-link-page__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
      {actions ? <div className="sp-link-page__actions">{actions}</div> : null}
    </section>
  );
}

/** The way back to a status page: the organization's main one, unless the link names its page (`to`). */
export function BackToStatusPage({
  label = 'Go to the status page',
  variant = 'secondary',
  to = '/',
}: {
  label?: string;
  variant?: 'primary' | 'secondary';
  /** The page's path on this host. */
  to?: string;
}) {
  return (
    <Link className={buttonClass(variant)} to={to}>
      {label}
    </Link>
  );
}
