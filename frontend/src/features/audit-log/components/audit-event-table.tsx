import { DataTable, type Column } from '@/components/data-table';
import type { AuditEventsQuery } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session';
import { AUDIT_ACTIONS, summarizeEvent } from './summarize';

type AuditEventRow = AuditEventsQuery['auditEvents']['nodes'][number];

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

/** Audit events, newest first: a plain-language summary, with the raw details one click away. */
export function AuditEventTable({ events }: { events: readonly AuditEventRow[] }) {
  const { session } = useSession();
  const columns: Column<AuditEventRow>[] = [
    {
      header: 'What happened',
      primary: true,
      cell: (e) => (
        <span className="audit__summary">
          <span data-testid="audit-summary">{summarizeEvent(e, session?.user.id)}</span>
          <code className="audit__action" data-testid="audit-action" title={AUDIT_ACTIONS[e.action]}>
            {e.action}
          </code>
        </span>
      ),
    },
    {
      header: 'When',
      cell: (e) => <time dateTime={String(e.createdAt)}>{formatDateTime(e.createdAt)}</time>,
    },
    { header: 'IP address', cell: (e) => e.clientIp || <span className="muted">—</span> },
    {
      header: 'Details',
      cell: (e) => {
        const changes = prettyChanges(e.changes);
        return (
          <details className="audit__details">
            <summary>Show</summary>
            <dl className="audit__meta">
              <dt>Entity</dt>
              <dd>
                {e.entityType}
                {e.entityId ? <span className="mono"> {e.entityId}</span> : null}
              </dd>
              <dt>Actor</dt>
              <dd>
                {e.actorName}
                {e.actorUserId || e.actorApiKeyId ? <span className="mono"> {e.actorUserId ?? e.actorApiKeyId}</span> : null}
              </dd>
              <dt>Request</dt>
              <dd className="mono">{e.requestId}</dd>
            </dl>
            {changes ? <pre className="audit__changes">{changes}</pre> : null}
          </details>
        );
      },
    },
  ];
  return <DataTable label="Audit events" columns={columns} rows={events} rowKey={(e) => e.id} rowTestId="audit-event-row" />;
}
