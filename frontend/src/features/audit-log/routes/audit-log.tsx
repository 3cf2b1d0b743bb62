import { Page } from '@/components/page';
import { AuditLog } from '../components/audit-log';
import '../components/audit-log.css';

/** `/app/audit` (behind the app's session guard, owners and admins). */
export function AuditLogRoute() {
  return (
    <Page title="Audit log" lead="Who changed what in your organization, newest first." wide>
      <AuditLog />
    </Page>
  );
}
