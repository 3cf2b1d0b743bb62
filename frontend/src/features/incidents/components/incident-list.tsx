import { Link } from 'react-router';
import { Button } from '@/components/button';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { Skeleton } from '@/components/skeleton';
import { formatAgo, formatDateTime, formatSeconds } from '@/lib/format';
import { hasRole, useSession } from '@/lib/session';
import { useNow } from '@/lib/use-now';
import { AcknowledgedNote, IncidentTimeline } from '@/components/incident-acknowledgement';
import { useToast } from '@/components/toast';
import { errorCodeOf } from '@/lib/graphql-client';
import { useAcknowledgeIncident } from '../api/acknowledge-incident';
import { useOpenIncidents, useResolvedIncidents } from '../api/get-incidents';
import { PublishOutageButton } from './publish-outage';

type Incident = NonNullable<ReturnType<typeof useOpenIncidents>['data']>[number];

/** A `DateTime` from the API (typed `any` by codegen) as a string, or null. */
function asTime(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function When({ value }: { value: string | null }) {
  if (value === null) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatDateTime(value)}
    </time>
  );
}

function MonitorLink({ incident }: { incident: Incident }) {
  return (
    <Link className="incidents__monitor" to={`/app/monitors/${incident.monitorId}`}>
      {incident.monitorName}
    </Link>
  );
}

/** "No alert" for an outage that sent none (maintenance, or a monitor it depends on was down). */
function HeldBack({ incident }: { incident: Incident }) {
  if (!incident.suppressed) return null;
  return (
    <span className="badge incidents__held" data-testid="incident-held-back" title="No alert went out: it began in maintenance, or while a monitor it depends on was down.">
      No alert
    </span>
  );
}

/** "Caused by API's outage", linking to the monitor whose outage this one is attached to. */
function CausedBy({ incident }: { incident: Incident }) {
  if (!incident.causedBy) return null;
  return (
    <span className="incidents__caused-by" data-testid="incident-caused-by">
      Caused by <Link to={`/app/monitors/${incident.causedBy.monitorId}`}>{incident.causedBy.monitorName}</Link>’s outage
    </span>
  );
}

/** An open incident's duration so far, ticking every second. */
function LiveDuration({ openedAt }: { openedAt: string | null }) {
  const now = useNow(1000);
  const opened = openedAt === null ? Number.NaN : new Date(openedAt).getTime();
  if (Number.isNaN(opened)) return <span className="muted">—</span>;
  return (
    <span className="incidents__live" data-testid="incident-live-duration">
      {formatSeconds((now - opened) / 1000)}
    </span>
  );
}

/** The button on an open, unacknowledged outage (members and above); who acknowledged it once someone has. */
function Acknowledge({ incident, canAcknowledge }: { incident: Incident; canAcknowledge: boolean }) {
  const acknowledge = useAcknowledgeIncident();
  const toast = useToast();
  const done = acknowledge.data;
  const at: unknown = done?.acknowledgedAt ?? incident.acknowledgedAt;
  if (at) return <AcknowledgedNote acknowledgedAt={at} acknowledgedBy={done?.acknowledgedBy ?? incident.acknowledgedBy} />;
  if (!canAcknowledge || incident.resolvedAt) return null;
  return (
    <>
      <Button
        pending={acknowledge.isPending}
        pendingLabel="Acknowledging…"
        aria-describedby={`incident-${incident.id}-monitor`}
        onClick={() =>
          acknowledge.mutate(incident.id, { onSuccess: () => toast({ title: 'Incident acknowledged', description: `${incident.monitorName}: escalation stopped.` }) })
        }
      >
        Acknowledge
      </Button>
      {acknowledge.isError ? (
        <span className="form__error" role="alert">
          {errorCodeOf(acknowledge.error) === 'FORBIDDEN' ? 'Only members, admins and owners can acknowledge.' : `Could not acknowledge: ${acknowledge.error.message}`}
        </span>
      ) : null}
    </>
  );
}

function OpenIncidents({ incidents, canPublish }: { incidents: readonly Incident[]; canPublish: boolean }) {
  return (
    <ul className="incidents__open" aria-label="Open incidents">
      {incidents.map((incident) => (
        <li key={incident.id} className={incident.suppressed ? 'incidents__card incidents__card--held' : 'incidents__card'} data-testid="open-incident">
          <div className="incidents__card-head">
            <span className={incident.suppressed ? 'badge' : 'badge badge--danger'}>
              <span className="incidents__pulse" aria-hidden="true" />
              Ongoing
            </span>
            <span id={`incident-${incident.id}-monitor`}>
              <MonitorLink incident={incident} />
            </span>
            <HeldBack incident={incident} />
          </div>
          <p className="incidents__cause">{incident.cause}</p>
          <CausedBy incident={incident} />
          <dl className="incidents__facts">
            <div>
              <dt>Down for</dt>
              <dd>
                <LiveDuration openedAt={asTime(incident.openedAt)} />
              </dd>
            </div>
            <div>
              <dt>Since</dt>
              <dd>
                <When value={asTime(incident.openedAt)} />
              </dd>
            </div>
          </dl>
          <div className="incidents__actions">
            <Acknowledge incident={incident} canAcknowledge={canPublish} />
            {canPublish ? <PublishOutageButton outageId={incident.id} monitorId={incident.monitorId} monitorName={incident.monitorName} /> : null}
          </div>
          <IncidentTimeline events={incident.timeline} />
        </li>
      ))}
    </ul>
  );
}

const HISTORY_COLUMNS: readonly Column<Incident>[] = [
  { header: 'Monitor', primary: true, cell: (i) => <MonitorLink incident={i} /> },
  { header: 'Opened', cell: (i) => <When value={asTime(i.openedAt)} /> },
  {
    header: 'Resolved',
    cell: (i) => (
      <span title={formatDateTime(i.resolvedAt)}>
        <span className="badge badge--success">Resolved</span> <span className="muted">{formatAgo(i.resolvedAt)}</span>
      </span>
    ),
  },
  { header: 'Duration', cell: (i) => (i.durationSeconds === null || i.durationSeconds === undefined ? '—' : formatSeconds(i.durationSeconds)) },
  {
    header: 'Cause',
    cell: (i) => (
      <span className="incidents__cause-stack">
        <span className="incidents__cause-cell">{i.cause}</span>
        <CausedBy incident={i} />
        <HeldBack incident={i} />
        <AcknowledgedNote acknowledgedAt={i.acknowledgedAt as unknown} acknowledgedBy={i.acknowledgedBy} />
        <IncidentTimeline events={i.timeline} />
      </span>
    ),
  },
];

const PUBLISH_COLUMN: Column<Incident> = {
  header: 'Status page',
  cell: (i) => <PublishOutageButton outageId={i.id} monitorId={i.monitorId} monitorName={i.monitorName} />,
};

/**
 * Outages across the organization: open ones first with a live duration, then the resolved
 * history a page at a time. Both refresh by themselves.
 */
export function IncidentList() {
  const { session } = useSession();
  const canPublish = hasRole(session?.role, 'MEMBER');
  const open = useOpenIncidents();
  const resolved = useResolvedIncidents();

  if (open.data?.length === 0 && resolved.data?.length === 0) {
    return (
      <EmptyState title="No incidents — all quiet.">
        When a monitor goes down, Beacon opens an incident here and emails your team; it closes by itself on recovery.
      </EmptyState>
    );
  }

  return (
    <>
      <Section title="Open">
        <QueryState query={open} what="the open incidents" skeletonLines={2}>
          {(incidents) =>
            incidents.length === 0 ? (
              <div className="alert alert--success" role="status" data-testid="all-quiet">
                No open incidents — all quiet.
              </div>
            ) : (
              <OpenIncidents incidents={incidents} canPublish={canPublish} />
            )
          }
        </QueryState>
      </Section>
      <Section title="Resolved">
        <QueryState
          query={resolved}
          what="the resolved incidents"
          skeletonLines={3}
          isEmpty={(data) => data.length === 0}
          empty={<EmptyState title="No resolved incidents yet.">Incidents move here when their monitor recovers.</EmptyState>}
        >
          {(incidents) => (
            <>
              <DataTable label="Resolved incidents" columns={canPublish ? [...HISTORY_COLUMNS, PUBLISH_COLUMN] : HISTORY_COLUMNS} rows={incidents} rowKey={(i) => i.id} rowTestId="resolved-incident" />
              {resolved.isFetchingNextPage ? <Skeleton lines={2} /> : null}
              {resolved.hasNextPage ? (
                <div className="incidents__more">
                  <Button variant="secondary" pending={resolved.isFetchingNextPage} pendingLabel="Loading…" onClick={() => void resolved.fetchNextPage()}>
                    Show older incidents
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </QueryState>
      </Section>
    </>
  );
}
