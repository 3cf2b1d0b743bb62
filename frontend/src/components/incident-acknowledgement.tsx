import type { IncidentEventKind } from '@/gql/graphql';
import { formatAgo, formatDateTime } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import './incident-acknowledgement.css';

/** A `DateTime` from the API (typed `any` by codegen) as a string, or null. */
function asTime(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "Acknowledged by Ana · 3 min ago"; nothing when not acknowledged. */
export function AcknowledgedNote({ acknowledgedAt, acknowledgedBy }: { acknowledgedAt: unknown; acknowledgedBy: string | null | undefined }) {
  const now = useNow(30_000);
  const at = asTime(acknowledgedAt);
  if (at === null) return null;
  return (
    <span className="incident-ack" data-testid="incident-acknowledged">
      <span className="incident-ack__check" aria-hidden="true">
        ✓
      </span>
      <span>
        Acknowledged{acknowledgedBy ? ` by ${acknowledgedBy}` : ''} ·{' '}
        <time dateTime={at} title={formatDateTime(at)}>
          {formatAgo(at, now)}
        </time>
      </span>
    </span>
  );
}

export interface TimelineEvent {
  at: unknown;
  kind: IncidentEventKind;
  message: string;
}

const KIND_LABELS: Readonly<Record<IncidentEventKind, string>> = {
  OPENED: 'Opened',
  NOTIFIED: 'Notified',
  ESCALATED: 'Escalated',
  ACKNOWLEDGED: 'Acknowledged',
  RESOLVED: 'Resolved',
};

/** An incident's events, oldest first, folded by default (a native disclosure: keyboard and screen readers know it). */
export function IncidentTimeline({ events }: { events: readonly TimelineEvent[] | undefined }) {
  if (!events || events.length === 0) return null;
  return (
    <details className="incident-timeline" data-testid="incident-timeline">
      <summary className="incident-timeline__summary">Timeline ({events.length === 1 ? '1 event' : `${events.length} events`})</summary>
      <ol className="incident-timeline__list">
        {events.map((event, i) => {
          const at = asTime(event.at);
          return (
            <li key={i} className={`incident-timeline__event incident-timeline__event--${event.kind.toLowerCase()}`}>
              <span className="incident-timeline__dot" aria-hidden="true" />
              <span className="incident-timeline__kind">{KIND_LABELS[event.kind]}</span>{' '}
              <time className="incident-timeline__time" dateTime={at ?? undefined}>
                {formatDateTime(at)}
              </time>
              <span className="incident-timeline__message">{event.message}</span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
