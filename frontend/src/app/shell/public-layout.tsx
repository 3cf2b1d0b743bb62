import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { buttonClass } from '@/components/button';
import { useSession } from '@/lib/session';
import { Brand } from './brand';

function HeaderActions() {
  const { status, session } = useSession();
  if (status === 'restoring') return null;
  if (session) {
    return (
      <Link className={buttonClass('primary', 'sm')} to="/app">
        Open dashboard
      </Link>
    );
  }
  return (
    <>
      <Link className={buttonClass('ghost', 'sm')} to="/login">
        Log in
      </Link>
      <Link className={buttonClass('primary', 'sm')} to="/signup">
        Sign up
      </Link>
    </>
  );
}

/**
 * Pages for visitors: landing, sign up, log in, reset, verification and invitation links.
 * `children` stand in for the route outlet where a route chooses this layout itself.
 */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <div className="public-shell">
      <header className="public-shell__header">
        <Brand />
        <nav className="public-shell__nav" aria-label="Main">
          <a className="public-shell__link" href="/graphiql">
            API explorer
          </a>
          <HeaderActions />
        </nav>
      </header>
      <main id="main" className="public-shell__main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <footer className="public-shell__footer">
        <span>Beacon — self-hosted uptime monitoring and status pages.</span>
      </footer>
    </div>
  );
}

