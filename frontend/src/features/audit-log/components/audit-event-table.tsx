import type { AuditEventsQuery } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';

type AuditEventRow = AuditEventsQuery['auditEvents']['events'][number];

/** `changes` is a JSON object as a string; pretty-print it (or show it as is if it is not JSON). */
export function prettyChanges(changes: string): string | null {
  const text = changes.trim();
  if (text === '' || text === '{}' || text === 'null') return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A long id, shortened for the table; the full id is in the tooltip. */
function ShortId({ id }: { id: string }) {
  const short = id.length > 12 ? `${id.slice(0, 8)}…` : id;
  return (
    <span className="audit__id" title={id}>
      {short}
    </span>
  );
}

function Actor({ event }: { event: AuditEventRow }) {
  if (event.actorUserId) {
    return (
      <>
        <span className="audit__muted">User </span>
        <ShortId id={event.actorUserId} />
      </>
    );
  }
  if (event.actorApiKeyId) {
    return (
      <>
        <span className="audit__muted">API key </span>
        <ShortId id={event.actorApiKeyId} />
      </>
    );
  }
  return <span className="audit__muted">System</span>;
}

/** Audit events, newest first. */
export function AuditEventTable({ events }: { events: readonly AuditEventRow[] }) {
  return (
    <div className="audit__table-wrap">
      <table className="audit__table" aria-label="Audit events">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Actor</th>
            <th scope="col">IP</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const changes = prettyChanges(event.changes);
            return (
              <tr key={event.id} data-testid="audit-event-row">
                <td className="audit__nowrap">
                  <time dateTime={String(event.createdAt)}>{formatDateTime(event.createdAt)}</time>
                </td>
                <td className="audit__nowrap">
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.entityType}
                  {event.entityId ? (
                    <div>
                      <ShortId id={event.entityId} />
                    </div>
                  ) : null}
                </td>
                <td>
                  <Actor event={event} />
                </td>
                <td className="audit__nowrap">{event.clientIp || <span className="audit__muted">—</span>}</td>
                <td>{changes ? <pre className="audit__changes">{changes}</pre> : <span className="audit__muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
