import { AuditLog } from '../components/audit-log';
import '../components/audit-log.css';

/** `/app/audit` (behind the app's session guard, owners and admins). */
export function AuditLogRoute() {
  return (
    <section className="page page--wide">
      <h1 className="page__title">Audit log</h1>
      <p className="page__lead">Who changed what in your organization, newest first.</p>
      <AuditLog />
    </section>
  );
}
