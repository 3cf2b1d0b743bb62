import { Link, useNavigate } from 'react-router';
import { Button, buttonClass } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { Page, Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { TagList } from '@/components/tags';
import { useToast } from '@/components/toast';
import { cronInWords } from '@/lib/cron';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useMonitor } from '../api/get-monitor';
import { useDeleteMonitor, useDuplicateMonitor, usePauseMonitor, useResumeMonitor } from '../api/mutations';
import { CopyButton } from '@/components/copy-button';
import { canEditMonitors, formatAgo, formatDateTime, formatInterval, formatSeconds, KIND_LABELS, timestamp, epochMs } from './format';
import { DependenciesSection, DependencyDownBanner } from './dependencies-section';
import { IncidentTimeline } from '@/components/incident-acknowledgement';
import { EscalationSection, FlappingBanner, IncidentAcknowledge } from './monitor-alerting';
import './dependencies.css';
import { ResponseTimeChart } from './response-time-chart';
import { StatusBadge } from './status-badge';
import { UptimeBars, UptimeSummary } from './uptime';

type Monitor = NonNullable<ReturnType<typeof useMonitor>['data']>;
type Check = Monitor['recentChecks'][number];
type Incident = Monitor['incidents'][number];

/** Rows in the recent checks table; the chart shows all fetched checks. */
const CHECK_ROWS = 20;

const FORBIDDEN = 'Only members, admins and owners can change monitors.';

/** `/app/monitors/:id`: a monitor's settings, its latest checks and incidents, and its actions. */
export function MonitorDetails({ id }: { id: string }) {
  const monitor = useMonitor(id);
  if (monitor.data) return <MonitorPage monitor={monitor.data} />;
  return (
    <Page title="Monitor" wide>
      <QueryState
        query={monitor}
        what="the monitor"
        skeletonLines={5}
        explainError={(error) => (errorCodeOf(error) === 'NOT_FOUND' ? 'This monitor does not exist, or was deleted.' : undefined)}
      >
        {() => null}
      </QueryState>
    </Page>
  );
}

function MonitorPage({ monitor }: { monitor: Monitor }) {
  const { session } = useSession();
  const canEdit = canEditMonitors(session?.role);
  return (
    <Page
      title={monitor.name}
      lead={
        <>
          <StatusBadge status={monitor.status} dependencyDown={monitor.dependencyDown} />{' '}
          {monitor.inMaintenance ? (
            <>
              <span className="badge badge--accent" data-testid="maintenance-badge">
                In maintenance
              </span>{' '}
            </>
          ) : null}
          {KIND_LABELS[monitor.kind]}
          {monitor.target ? ` · ${monitor.target}` : ''}
        </>
      }
      actions={canEdit ? <MonitorActions monitor={monitor} /> : undefined}
      wide
    >
      <DependencyDownBanner monitor={monitor} />
      <FlappingBanner flappingSince={monitor.flappingSince as unknown} flapWindowSeconds={monitor.flapWindowSeconds} />
      <Section title="Overview">
        <dl className="monitor-facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={monitor.status} dependencyDown={monitor.dependencyDown} />
              {monitor.statusChangedAt ? <span className="muted"> since {formatAgo(monitor.statusChangedAt)}</span> : null}
            </dd>
          </div>
          {monitor.kind === 'HEARTBEAT' ? null : (
            <div>
              <dt>Target</dt>
              <dd className="monitors__target">{monitor.target || '—'}</dd>
            </div>
          )}
          <div>
            <dt>{monitor.kind === 'HEARTBEAT' ? 'Expected' : 'Interval'}</dt>
            <dd data-testid="monitor-schedule">{scheduleOf(monitor)}</dd>
          </div>
          {monitor.heartbeat ? (
            <div>
              <dt>Grace period</dt>
              <dd>{formatSeconds(monitor.heartbeat.graceSeconds)}</dd>
            </div>
          ) : null}
          {monitor.tags.length > 0 ? (
            <div>
              <dt>Tags</dt>
              <dd>
                <TagList tags={monitor.tags} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Down after</dt>
            <dd>{downAfter(monitor)}</dd>
          </div>
          {monitor.degradedResponseMs > 0 ? (
            <div>
              <dt>Degraded above</dt>
              <dd>{monitor.degradedResponseMs.toLocaleString('en-US')} ms</dd>
            </div>
          ) : null}
          <div>
            <dt>{monitor.kind === 'HEARTBEAT' ? 'Last ping' : 'Last check'}</dt>
            <dd>{formatAgo(monitor.kind === 'HEARTBEAT' ? monitor.lastPingAt : monitor.lastCheckedAt)}</dd>
          </div>
          {monitor.lastError ? (
            <div>
              <dt>Last error</dt>
              <dd className="monitors__error">{monitor.lastError}</dd>
            </div>
          ) : null}
        </dl>
      </Section>
      <Section title="Uptime">
        <UptimeSummary day={monitor.day} week={monitor.week} month={monitor.month} quarter={monitor.quarter} />
        {monitor.dailyUptime.length > 0 ? <UptimeBars days={monitor.dailyUptime} /> : null}
      </Section>
      {monitor.kind !== 'HEARTBEAT' && monitor.recentChecks.length > 0 ? (
        <Section title="Response time" lead="The latest checks, oldest on the left, split into DNS, connect, TLS, first byte and the rest; dashed lines mark the last 24 hours’ p50 and p95.">
          <ResponseTimeChart checks={monitor.recentChecks} percentiles={monitor.day} />
        </Section>
      ) : null}
      <EscalationSection key={monitor.escalationPolicy?.id ?? 'none'} monitorId={monitor.id} policy={monitor.escalationPolicy ?? null} canEdit={canEdit} />
      <DependenciesSection monitor={monitor} canEdit={canEdit} />
      {monitor.kind === 'HEARTBEAT' && monitor.pingUrl ? <PingUrl url={monitor.pingUrl} grace={monitor.heartbeat?.graceSeconds} /> : null}
      <Section title="Incidents">
        {monitor.incidents.length === 0 ? (
          <EmptyState title="No incidents.">When the monitor goes down, the outage is listed here.</EmptyState>
        ) : (
          <DataTable label="Incidents" columns={incidentColumns(canEdit)} rows={monitor.incidents} rowKey={(i) => i.id} rowTestId="incident-row" />
        )}
      </Section>
      <Section title="Recent checks">
        {monitor.recentChecks.length === 0 ? (
          <EmptyState title="No checks yet.">{monitor.status === 'PAUSED'
              ? 'The monitor is paused.'
              : monitor.kind === 'HEARTBEAT'
                ? 'Checks appear once your job pings the URL above.'
                : 'The first check runs shortly.'}</EmptyState>
        ) : (
          <DataTable label="Recent checks" columns={CHECK_COLUMNS} rows={monitor.recentChecks.slice(0, CHECK_ROWS)} rowKey={(c) => c.id} rowTestId="check-row" />
        )}
      </Section>
    </Page>
  );
}

/** "2 failed checks in a row", or "3 failed checks within 10 min". */
function downAfter(monitor: Monitor): string {
  const n = monitor.failureThreshold;
  const checks = n === 1 ? '1 failed check' : `${n} failed checks`;
  if (monitor.failureWindowSeconds > 0) return `${checks} within ${formatSeconds(monitor.failureWindowSeconds)}`;
  return n === 1 ? checks : `${checks} in a row`;
}

/** "every 1 h", or a heartbeat's cron schedule in words with its zone. */
function scheduleOf(monitor: Monitor): string {
  const cron = monitor.heartbeat?.cron;
  if (!cron) return formatInterval(monitor.intervalSeconds);
  const zone = monitor.heartbeat?.timeZone ?? 'UTC';
  return `${cronInWords(cron) ?? `on cron ${cron}`} (${zone})`;
}

function PingUrl({ url, grace }: { url: string; grace: number | undefined }) {
  const curl = `curl -fsS -m 10 --retry 3 ${url}`;
  return (
    <Section
      title="Ping URL"
      lead={`Call this URL (GET, POST or HEAD) each time your job runs${grace ? `; Beacon waits ${formatSeconds(grace)} past the expected time before calling it down` : ''}.`}
    >
      <div className="monitor-ping">
        <div className="monitor-ping__row">
          <code className="monitor-ping__code" data-testid="ping-url">
            {url}
          </code>
          <CopyButton text={url} label="Copy ping URL" />
        </div>
        <p className="muted">For example, at the end of a cron job:</p>
        <div className="monitor-ping__row">
          <pre className="monitor-ping__code" data-testid="ping-curl">
            {curl}
          </pre>
          <CopyButton text={curl} label="Copy curl command" />
        </div>
      </div>
    </Section>
  );
}

function MonitorActions({ monitor }: { monitor: Monitor }) {
  const pause = usePauseMonitor();
  const resume = useResumeMonitor();
  const duplicate = useDuplicateMonitor();
  const remove = useDeleteMonitor();
  const toast = useToast();
  const navigate = useNavigate();
  const failed = [pause, resume, duplicate, remove].find((m) => m.isError);
  const paused = monitor.status === 'PAUSED';

  return (
    <>
      <Link className={buttonClass('secondary')} to={`/app/monitors/${monitor.id}/edit`}>
        Edit
      </Link>
      {paused ? (
        <Button
          variant="secondary"
          pending={resume.isPending}
          onClick={() => resume.mutate(monitor.id, { onSuccess: () => toast({ title: 'Monitor resumed', description: monitor.name }) })}
        >
          Resume
        </Button>
      ) : (
        <Button
          variant="secondary"
          pending={pause.isPending}
          onClick={() => pause.mutate(monitor.id, { onSuccess: () => toast({ title: 'Monitor paused', description: monitor.name }) })}
        >
          Pause
        </Button>
      )}
      <Button
        variant="secondary"
        pending={duplicate.isPending}
        onClick={() =>
          duplicate.mutate(monitor.id, {
            onSuccess: (copy) => {
              toast({ title: 'Monitor duplicated', description: copy.name });
              void navigate(`/app/monitors/${copy.id}`);
            },
          })
        }
      >
        Duplicate
      </Button>
      <ConfirmButton
        trigger={<Button variant="danger">Delete</Button>}
        title={`Delete “${monitor.name}”?`}
        description="Its checks and incidents are deleted with it. This cannot be undone."
        confirmLabel="Delete monitor"
        onConfirm={() =>
          remove.mutate(monitor.id, {
            onSuccess: () => {
              toast({ title: 'Monitor deleted', description: monitor.name });
              void navigate('/app/monitors');
            },
          })
        }
      />
      {failed?.error ? (
        <FormAlert>{errorCodeOf(failed.error) === 'FORBIDDEN' ? FORBIDDEN : `Could not change the monitor: ${failed.error.message}`}</FormAlert>
      ) : null}
    </>
  );
}

const CHECK_COLUMNS: Column<Check>[] = [
  {
    header: 'Time',
    primary: true,
    cell: (c) => (
      <time dateTime={timestamp(c.checkedAt) ?? undefined} title={formatDateTime(c.checkedAt)}>
        {formatAgo(c.checkedAt)}
      </time>
    ),
  },
  { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { header: 'Duration', cell: (c) => `${c.durationMs} ms` },
  { header: 'Status code', cell: (c) => c.statusCode ?? '—' },
  { header: 'Error', cell: (c) => (c.error ? <span className="monitors__error">{c.error}</span> : '—') },
];

function incidentDuration(i: Incident, now = Date.now()): string {
  const end = i.resolvedAt ? epochMs(i.resolvedAt) : now;
  return formatSeconds((end - epochMs(i.openedAt)) / 1000);
}

const INCIDENT_COLUMNS: Column<Incident>[] = [
  { header: 'Opened', primary: true, cell: (i) => formatDateTime(i.openedAt) },
  {
    header: 'Resolved',
    cell: (i) => (i.resolvedAt ? formatDateTime(i.resolvedAt) : <span className="badge badge--danger">Ongoing</span>),
  },
  { header: 'Duration', cell: (i) => incidentDuration(i) },
  {
    header: 'Cause',
    cell: (i) => (
      <>
        <span className="monitors__error">{i.cause}</span>
        {i.causedBy ? (
          <span className="monitor-incident__caused-by">
            Caused by <Link to={`/app/monitors/${i.causedBy.monitorId}`}>{i.causedBy.monitorName}</Link>’s outage
          </span>
        ) : null}
        {i.suppressed ? (
          <span className="badge monitor-incident__held" title="No alert was sent for this outage.">
            No alert
          </span>
        ) : null}
        <IncidentTimeline events={i.timeline} />
      </>
    ),
  },
];

/** The incident columns, with acknowledging for members and above. */
function incidentColumns(canAcknowledge: boolean): Column<Incident>[] {
  return [
    ...INCIDENT_COLUMNS,
    { header: 'Acknowledged', cell: (i) => <IncidentAcknowledge incident={i} canAcknowledge={canAcknowledge} /> },
  ];
}
