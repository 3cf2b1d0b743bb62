import { Navigate, Outlet, useLocation } from 'react-router';
import { hasRole, useSession, type SessionRole } from '@/lib/session';

/**
 * Layout route for pages that need a signed-in session (and optionally a minimum role).
 * While the session is restored from the refresh cookie it shows a placeholder; without a
 * session it sends the user to /login, which brings them back here afterwards.
 */
export function RequireSession({ minimumRole }: { minimumRole?: SessionRole }) {
  const { status, session } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <p className="page__status" role="status">
        Restoring your session…
      </p>
    );
  }
  if (!session) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (minimumRole && !hasRole(session.role, minimumRole)) {
    return (
      <section className="page">
        <h1 className="page__title">You don’t have access to this page</h1>
        <p className="page__lead">
          Only {minimumRole === 'OWNER' ? 'owners' : 'owners and admins'} of {session.tenant.name} can open it. Ask one of them
          if you need it.
        </p>
      </section>
    );
  }
  return <Outlet />;
}
