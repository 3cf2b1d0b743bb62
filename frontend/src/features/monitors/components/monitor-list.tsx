import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { SelectField, TextField } from '@/components/form';
import { QueryState } from '@/components/query-state';
import type { MonitorStatus } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useMonitors } from '../api/get-monitors';
import { canEditMonitors, formatAgo, formatDateTime, KIND_LABELS, timestamp } from './format';
import { StatusBadge } from './status-badge';

type MonitorRow = NonNullable<ReturnType<typeof useMonitors>['data']>[number];

/** Milliseconds the search box waits after the last keystroke before asking the server. */
export const SEARCH_DEBOUNCE_MS = 300;

const STATUS_OPTIONS = [
  { value: '', label: 'All' },
  { value: 'DOWN', label: 'Down' },
  { value: 'DEGRADED', label: 'Degraded' },
  { value: 'UP', label: 'Up' },
  { value: 'PENDING', label: 'Pending' },
  { value: 'PAUSED', label: 'Paused' },
];

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The organization's monitors with a status filter and a (server-side, debounced) search. */
export function MonitorList() {
  const { session } = useSession();
  const [status, setStatus] = useState<MonitorStatus | ''>('');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const monitors = useMonitors({ status: status || undefined, text: search });
  const filtered = status !== '' || search !== '';
  const canEdit = canEditMonitors(session?.role);

  return (
    <>
      <div className="monitors__toolbar" role="search" aria-label="Filter monitors">
        <SelectField
          label="Status"
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as MonitorStatus | '')}
          options={STATUS_OPTIONS}
        />
        <TextField label="Search" name="search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or target" />
      </div>
      <QueryState
        query={monitors}
        what="the monitors"
        skeletonLines={4}
        explainError={(error) => (errorCodeOf(error) === 'FORBIDDEN' ? 'You don’t have access to this organization’s monitors.' : undefined)}
        isEmpty={(data) => data.length === 0}
        empty={
          filtered ? (
            <EmptyState title="No monitors match.">Try another status or search.</EmptyState>
          ) : (
            <EmptyState
              title="No monitors yet."
              action={
                canEdit ? (
                  <Link className={buttonClass()} to="/app/monitors/new">
                    Create monitor
                  </Link>
                ) : undefined
              }
            >
              Monitors check your websites, servers and scheduled jobs, and tell you when they go down.
            </EmptyState>
          )
        }
      >
        {(data) => <MonitorTable data={data} />}
      </QueryState>
    </>
  );
}

const COLUMNS: Column<MonitorRow>[] = [
  {
    header: 'Name',
    primary: true,
    cell: (m) => (
      <Link className="monitors__name" to={`/app/monitors/${m.id}`}>
        {m.name}
      </Link>
    ),
  },
  { header: 'Status', cell: (m) => <StatusBadge status={m.status} /> },
  { header: 'Kind', cell: (m) => KIND_LABELS[m.kind] },
  { header: 'Target', cell: (m) => (m.target ? <span className="monitors__target">{m.target}</span> : <span className="muted">—</span>) },
  {
    header: 'Last check',
    cell: (m) => {
      const at = timestamp(m.kind === 'HEARTBEAT' ? (m.lastPingAt ?? m.lastCheckedAt) : m.lastCheckedAt);
      return (
        // One element, so the card layout keeps the error under the time.
        <div>
          {at ? <time dateTime={at} title={formatDateTime(at)}>{formatAgo(at)}</time> : <span className="muted">Not yet</span>}
          {m.status === 'DOWN' && m.lastError ? (
            <span className="monitors__error" data-testid="monitor-last-error">
              {m.lastError}
            </span>
          ) : null}
        </div>
      );
    },
  },
];

function MonitorTable({ data }: { data: readonly MonitorRow[] }) {
  return <DataTable label="Monitors" columns={COLUMNS} rows={data} rowKey={(m) => m.id} rowTestId="monitor-row" />;
}
