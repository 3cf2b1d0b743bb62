import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { hasRole, useSession } from '@/lib/session';
import { CreateMaintenanceForm } from '../components/create-maintenance-form';
import { MaintenanceList } from '../components/maintenance-list';
import '../components/maintenance.css';

/** `/app/maintenance`: scheduled and active maintenance windows. */
export function MaintenanceRoute() {
  const { session } = useSession();
  const canEdit = hasRole(session?.role, 'MEMBER');
  return (
    <Page
      title="Maintenance"
      lead="Planned work: while a window is active, Beacon sends no alerts and leaves the time out of uptime."
      actions={
        canEdit ? (
          <Link className={buttonClass()} to="/app/maintenance/new">
            Schedule maintenance
          </Link>
        ) : undefined
      }
      wide
    >
      <MaintenanceList canEdit={canEdit} />
    </Page>
  );
}

/** `/app/maintenance/new` (members and above). */
export function NewMaintenanceRoute() {
  const { session } = useSession();
  if (!hasRole(session?.role, 'MEMBER')) {
    return <Page title="You don’t have access to this page" lead="Viewers can see maintenance windows but not schedule them. Ask an owner or admin for the member role." />;
  }
  return (
    <>
      <p>
        <Link to="/app/maintenance">← All maintenance</Link>
      </p>
      <Page title="Schedule maintenance" lead="No alerts and no uptime penalty while it runs.">
        <CreateMaintenanceForm />
      </Page>
    </>
  );
}
