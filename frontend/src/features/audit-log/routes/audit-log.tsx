import { Navigate, useLocation } from 'react-router';
import { useSession } from '@/lib/session';
import { AuditLog } from '../components/audit-log';
import '../components/audit-log.css';

/** `/app/audit`: needs a session, otherwise sends the user to /login (and back afterwards). */
export function AuditLogRoute() {
  const { status } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <p className="audit__status" role="status">
        Restoring your session…
      </p>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }

  return (
    <section className="page page--wide">
      <h1 className="page__title">Audit log</h1>
      <p className="page__lead">Who changed what in your organization, newest first.</p>
      <AuditLog />
    </section>
  );
}
