import { Link, useParams } from 'react-router';
import { buttonClass } from '@/components/button';
import { Page } from '@/components/page';
import { useSession } from '@/lib/session';
import { CreateMonitorForm } from '../components/create-monitor-form';
import { DependencyGraphView } from '../components/dependency-graph';
import '../components/dependency-graph.css';
import { canEditMonitors } from '../components/format';
import { EditMonitorForm } from '../components/edit-monitor-form';
import { MonitorDetails } from '../components/monitor-details';
import { MonitorList } from '../components/monitor-list';
import '../components/monitors.css';

/** `/app/monitors`: every monitor with its status, refreshed every 10 s. */
export function MonitorsRoute() {
  const { session } = useSession();
  return (
    <Page
      title="Monitors"
      lead="Your websites, servers and jobs, checked around the clock. Statuses refresh every 10 seconds."
      actions={
        <>
          <Link className={buttonClass('secondary')} to="/app/monitors/dependencies">
            Dependencies
          </Link>
          {canEditMonitors(session?.role) ? (
            <Link className={buttonClass()} to="/app/monitors/new">
              Create monitor
            </Link>
          ) : null}
        </>
      }
      wide
    >
      <MonitorList />
    </Page>
  );
}

/** `/app/monitors/new` (members and above). */
export function NewMonitorRoute() {
  const { session } = useSession();
  if (!canEditMonitors(session?.role)) {
    return (
      <Page title="You don’t have access to this page" lead="Viewers can see monitors but not create them. Ask an owner or admin for the member role." />
    );
  }
  return (
    <Page title="Create monitor" lead="Beacon checks it from the first minute and tells you when it goes down.">
      <CreateMonitorForm />
    </Page>
  );
}

/** `/app/monitors/:id/edit` (members and above). */
export function EditMonitorRoute() {
  const { id = '' } = useParams();
  const { session } = useSession();
  if (!canEditMonitors(session?.role)) {
    return <Page title="You don’t have access to this page" lead="Viewers can see monitors but not change them. Ask an owner or admin for the member role." />;
  }
  return (
    <>
      <p>
        <Link to={`/app/monitors/${id}`}>← Back to the monitor</Link>
      </p>
      <Page title="Edit monitor" lead="Changes apply from the next check.">
        <EditMonitorForm key={id} id={id} />
      </Page>
    </>
  );
}

/** `/app/monitors/:id`. */
export function MonitorRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <p>
        <Link to="/app/monitors">← All monitors</Link>
      </p>
      <MonitorDetails key={id} id={id} />
    </>
  );
}

/** `/app/monitors/dependencies`: which monitors depend on which, as a layered graph and in words. */
export function MonitorDependenciesRoute() {
  return (
    <>
      <p>
        <Link to="/app/monitors">← All monitors</Link>
      </p>
      <Page
        title="Dependencies"
        lead="While a monitor is down, the monitors that depend on it send no alert of their own: they show “Dependency down” and their outage is attached to its outage."
        wide
      >
        <DependencyGraphView />
      </Page>
    </>
  );
}
