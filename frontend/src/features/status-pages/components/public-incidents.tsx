import { useId, useState } from 'react';
import { Button } from '@/components/button';
import { formatAgo } from '@/lib/format';
import { useMoreIncidentHistory, type PublicIncidentData, type PublicIncidentHistoryData } from '../api/get-public-status-page';
import { formatDuration, formatMoment, IMPACT, INCIDENT_STATUS, secondsBetween, type Tone } from './format';
import { StatusIcon } from './status-icon';

function incidentTone(incident: PublicIncidentData): Tone {
  return incident.impact ? IMPACT[incident.impact].tone : 'minor';
}

/** "just now" for the last minute, else "12 min ago". */
function ago(value: string, now: number): string {
  const seconds = (now - Date.parse(value)) / 1000;
  return Math.abs(seconds) < 60 ? 'just now' : formatAgo(value, now);
}

/** A moment as "Nov 3, 2026, 14:05 · 12 min ago". */
function Moment({ value, now }: { value: string; now: number }) {
  return (
    <>
      <time dateTime={value}>{formatMoment(value)}</time>
      <span className="sp-timeline__ago"> · {ago(value, now)}</span>
    </>
  );
}

/** The updates, newest first: status, message (its line breaks kept) and when. */
function Timeline({ incident, now }: { incident: PublicIncidentData; now: number }) {
  const updates = incident.updates.slice().reverse();
  return (
    <ol className="sp-timeline" aria-label={`Updates on ${incident.title}, newest first`} data-testid="incident-timeline">
      {updates.map((update, index) => (
        <li key={`${String(update.createdAt)}-${index}`} className="sp-timeline__item" data-testid="incident-update" data-status={update.status}>
          <span className="sp-timeline__dot" aria-hidden="true" />
          <p className="sp-timeline__status">{INCIDENT_STATUS[update.status].label}</p>
          <p className="sp-timeline__message">{update.message}</p>
          <p className="sp-timeline__time">
            <Moment value={String(update.createdAt)} now={now} />
          </p>
        </li>
      ))}
    </ol>
  );
}

function AffectedComponents({ incident }: { incident: PublicIncidentData }) {
  if (incident.components.length === 0) return null;
  return (
    <ul className="sp-incident__components" aria-label="Affected components">
      {incident.components.map((component) => {
        const impact = IMPACT[component.impact];
        return (
          <li key={component.name} className={`sp-incident__component sp-tone--${impact.tone}`} data-testid="affected-component">
            <StatusIcon tone={impact.tone} className="sp-pill__icon" />
            <span className="sp-incident__component-name">{component.name}</span>
            <span className="sp-incident__component-impact">{impact.label}</span>
          </li>
        );
      })}
    </ul>
  );
}

export interface IncidentCardProps {
  incident: PublicIncidentData;
  now: number;
  /** The title's heading level: 3 under the page's section headings. */
  headingLevel?: 2 | 3;
}

/**
 * One incident as visitors see it: its title with the impact and where it stands, the
 * components it touches, and every update. The editor's preview renders this same card.
 */
export function IncidentCard({ incident, now, headingLevel = 3 }: IncidentCardProps) {
  const titleId = useId();
  const tone = incidentTone(incident);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const status = INCIDENT_STATUS[incident.status];
  return (
    <article className={`sp-incident sp-tone--${tone}`} aria-labelledby={titleId} data-testid="public-incident">
      <header className="sp-incident__head">
        <StatusIcon tone={tone} className="sp-incident__icon" />
        <div className="sp-incident__heading">
          <Heading id={titleId} className="sp-incident__title">
            {incident.title}
          </Heading>
          <p className="sp-incident__meta">
            <span className="sp-incident__status" data-testid="incident-status">
              {status.label}
            </span>
            {incident.impact ? <span data-testid="incident-impact">{IMPACT[incident.impact].label}</span> : null}
            <span>
              Since <time dateTime={String(incident.startedAt)}>{formatMoment(incident.startedAt)}</time>
            </span>
          </p>
        </div>
      </header>
      <AffectedComponents incident={incident} />
      <Timeline incident={incident} now={now} />
    </article>
  );
}

/** Published incidents not resolved yet, above everything else on the page. */
export function ActiveIncidents({ incidents, now }: { incidents: readonly PublicIncidentData[]; now: number }) {
  if (incidents.length === 0) return null;
  return (
    <section className="sp-incidents" aria-labelledby="sp-incidents-title" data-testid="active-incidents">
      <h2 id="sp-incidents-title" className="visually-hidden">
        Active incidents
      </h2>
      {incidents.map((incident) => (
        <IncidentCard key={incident.id} incident={incident} now={now} />
      ))}
    </section>
  );
}

function PastIncident({ incident, now }: { incident: PublicIncidentData; now: number }) {
  const tone = incidentTone(incident);
  const updates = incident.updates.length;
  return (
    <li className={`sp-history__item sp-past sp-tone--${tone}`} data-testid="past-incident">
      <h3 className="sp-past__title">
        <StatusIcon tone={tone} className="sp-pill__icon" />
        {incident.title}
      </h3>
      <p className="sp-history__meta">
        <time dateTime={String(incident.startedAt)}>{formatMoment(incident.startedAt)}</time>
        {incident.resolvedAt ? <> — resolved after {formatDuration(secondsBetween(incident.startedAt, incident.resolvedAt))}</> : null}
        {incident.components.length > 0 ? <> · {incident.components.map((c) => c.name).join(', ')}</> : null}
      </p>
      <details className="sp-past__details">
        <summary className="sp-past__summary">{updates === 1 ? 'Show the update' : `Show all ${updates} updates`}</summary>
        <Timeline incident={incident} now={now} />
      </details>
    </li>
  );
}

/**
 * Resolved incidents, newest first: the page's first ten, then ten more per "Show more".
 * An incident already shown (the first page moves on as the page refreshes) is not repeated.
 */
export function IncidentHistory({
  slug,
  first,
  now,
  accessToken = null,
}: {
  slug: string;
  first: PublicIncidentHistoryData;
  now: number;
  /** The visitor's grant for a restricted page. */
  accessToken?: string | null;
}) {
  const [wantMore, setWantMore] = useState(false);
  const more = useMoreIncidentHistory(slug, first.hasNextPage ? (first.endCursor ?? null) : null, wantMore, accessToken);
  const seen = new Set<string>();
  const incidents = [...first.incidents, ...(more.data?.pages.flatMap((p) => p.incidents) ?? [])].filter((incident) => {
    if (seen.has(incident.id)) return false;
    seen.add(incident.id);
    return true;
  });
  const hasMore = wantMore ? more.isPending || more.hasNextPage || more.isError : first.hasNextPage;
  const loading = wantMore && more.isFetching && (more.isPending || more.isFetchingNextPage);
  return (
    <section className="sp-section" aria-labelledby="sp-past-incidents-title">
      <h2 id="sp-past-incidents-title" className="sp-section__title">
        Past incidents
      </h2>
      {incidents.length === 0 ? (
        <p className="sp-empty" data-testid="no-past-incidents">
          No incidents reported.
        </p>
      ) : (
        <ol className="sp-history" aria-label="Past incidents, newest first">
          {incidents.map((incident) => (
            <PastIncident key={incident.id} incident={incident} now={now} />
          ))}
        </ol>
      )}
      {more.isError ? (
        <p className="sp-more__error" role="alert">
          Could not load older incidents. {more.error.message}
        </p>
      ) : null}
      {hasMore ? (
        <div className="sp-more">
          <Button
            variant="secondary"
            pending={loading}
            pendingLabel="Loading…"
            onClick={() => {
              if (!wantMore) setWantMore(true);
              else if (!more.data) void more.refetch();
              else void more.fetchNextPage();
            }}
          >
            Show more
          </Button>
        </div>
      ) : null}
    </section>
  );
}
