import { Link } from 'react-router';
import { Button, buttonClass } from '@/components/button';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { Section } from '@/components/page';
import { QueryState } from '@/components/query-state';
import { Skeleton } from '@/components/skeleton';
import { formatDateTime } from '@/lib/format';
import { errorCodeOf } from '@/lib/graphql-client';
import { useOpenStatusIncidents, useResolvedStatusIncidents, type IncidentSummary } from '../api/status-incidents';
import { formatDuration, IMPACT, INCIDENT_STATUS, secondsBetween } from './format';
import { StatusIcon } from './status-icon';

function incidentPath(incident: { id: string }, pageId: string) {
  return `/app/status-pages/${pageId}/incidents/${incident.id}`;
}

/** The impact as a word with its status shape (colour is never the only cue). */
export function ImpactTag({ impact }: { impact: IncidentSummary['impact'] }) {
  if (!impact) return <span className="muted">No component</span>;
  const { tone, label } = IMPACT[impact];
  return (
    <span className={`sp-pill sp-scope sp-tone--${tone}`}>
      <StatusIcon tone={tone} className="sp-pill__icon" />
      {label}
    </span>
  );
}

function Components({ incident }: { incident: IncidentSummary }) {
  if (incident.components.length === 0) return <span className="muted">—</span>;
  return <>{incident.components.map((c) => c.name).join(', ')}</>;
}

function OpenIncidents({ incidents, pageId }: { incidents: readonly IncidentSummary[]; pageId: string }) {
  return (
    <ul className="inc-open" aria-label="Open incidents">
      {incidents.map((incident) => (
        <li key={incident.id} className="inc-open__card" data-testid="open-status-incident">
          <div className="inc-open__head">
            <span className="badge badge--warning">{INCIDENT_STATUS[incident.status].label}</span>
            <Link className="inc-open__title" to={incidentPath(incident, pageId)}>
              {incident.title}
            </Link>
          </div>
          <dl className="inc-facts">
            <div>
              <dt>Impact</dt>
              <dd>
                <ImpactTag impact={incident.impact} />
              </dd>
            </div>
            <div>
              <dt>Components</dt>
              <dd>
                <Components incident={incident} />
              </dd>
            </div>
            <div>
              <dt>Since</dt>
              <dd>{formatDateTime(incident.startedAt)}</dd>
            </div>
            <div>
              <dt>Last change</dt>
              <dd>{formatDateTime(incident.updatedAt)}</dd>
            </div>
          </dl>
          {incident.outageId ? <p className="muted inc-open__note">Published from a detected outage; it resolves by itself when the monitor recovers.</p> : null}
        </li>
      ))}
    </ul>
  );
}

function resolvedColumns(pageId: string): Column<IncidentSummary>[] {
  return [
    { header: 'Incident', primary: true, cell: (i) => <Link to={incidentPath(i, pageId)}>{i.title}</Link> },
    { header: 'Impact', cell: (i) => <ImpactTag impact={i.impact} /> },
    { header: 'Started', cell: (i) => formatDateTime(i.startedAt) },
    { header: 'Lasted', cell: (i) => (i.resolvedAt ? formatDuration(secondsBetween(i.startedAt, i.resolvedAt)) : '—') },
    { header: 'Components', cell: (i) => <Components incident={i} /> },
  ];
}

/** A page's incidents: open ones first, then the resolved history a page at a time. */
export function StatusIncidentList({ pageId, canEdit }: { pageId: string; canEdit: boolean }) {
  const open = useOpenStatusIncidents(pageId);
  const resolved = useResolvedStatusIncidents(pageId);
  const explainError = (e: Error) => (errorCodeOf(e) === 'NOT_FOUND' ? 'There is no such status page. It may have been deleted.' : undefined);

  if (open.data?.length === 0 && resolved.data?.length === 0) {
    return (
      <EmptyState
        title="No incidents on this page yet."
        action={
          canEdit ? (
            <Link className={buttonClass()} to={`/app/status-pages/${pageId}/incidents/new`}>
              Post the first incident
            </Link>
          ) : undefined
        }
      >
        <p>When something goes wrong, tell visitors here: what is affected and what you are doing, with updates until it is resolved.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Section title="Open">
        <QueryState query={open} what="the open incidents" skeletonLines={2} explainError={explainError}>
          {(incidents) =>
            incidents.length === 0 ? (
              <div className="alert alert--success" role="status" data-testid="no-open-status-incidents">
                No open incidents — visitors see no incident banner.
              </div>
            ) : (
              <OpenIncidents incidents={incidents} pageId={pageId} />
            )
          }
        </QueryState>
      </Section>
      <Section title="Resolved">
        <QueryState
          query={resolved}
          what="the resolved incidents"
          explainError={explainError}
          isEmpty={(data) => data.length === 0}
          empty={<EmptyState title="No resolved incidents yet.">Incidents move here when you post a “Resolved” update.</EmptyState>}
        >
          {(incidents) => (
            <>
              <DataTable label="Resolved incidents" columns={resolvedColumns(pageId)} rows={incidents} rowKey={(i) => i.id} rowTestId="resolved-status-incident" />
              {resolved.isFetchingNextPage ? <Skeleton lines={2} /> : null}
              {resolved.hasNextPage ? (
                <div className="inc-more">
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
