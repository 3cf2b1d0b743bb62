import { Link, Outlet, useNavigate } from 'react-router';
import { useSession } from '@/lib/session';

function SessionNav() {
  const { status, session, logOut } = useSession();
  const navigate = useNavigate();

  if (status === 'restoring') return null;
  if (!session) {
    return (
      <>
        <Link className="shell__nav-link" to="/login">
          Log in
        </Link>
        <Link className="button" to="/signup">
          Sign up
        </Link>
      </>
    );
  }
  return (
    <>
      <span className="shell__org" data-testid="header-organization">
        {session.tenant.name}
      </span>
      <Link className="shell__nav-link" to="/app/account">
        Account
      </Link>
      <Link className="shell__nav-link" to="/app/team">
        Team
      </Link>
      <Link className="shell__nav-link" to="/app/api-keys">
        API keys
      </Link>
      <Link className="shell__nav-link" to="/app/audit">
        Audit log
      </Link>
      <button
        type="button"
        className="shell__nav-button"
        onClick={() => {
          void logOut().then(() => navigate('/'));
        }}
      >
        Log out
      </button>
    </>
  );
}

export function Layout() {
  return (
    <div className="shell">
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          <span className="shell__logo" aria-hidden="true" />
          Beacon
        </Link>
        <nav className="shell__nav" aria-label="Main">
          {/* GraphiQL is a separate page served by the server, not a client route. */}
          <a className="shell__nav-link" href="/graphiql">
            GraphiQL
          </a>
          <SessionNav />
        </nav>
      </header>
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
