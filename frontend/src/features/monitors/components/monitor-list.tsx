import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { SelectField, TextField } from '@/components/form';
import { QueryState } from '@/components/query-state';
import type { MonitorKind, MonitorStatus } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useMonitors } from '../api/get-monitors';
import { canEditMonitors, KIND_LABELS } from './format';
import { MonitorTable } from './monitor-table';

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

const KIND_OPTIONS = [{ value: '', label: 'All' }, ...(Object.keys(KIND_LABELS) as MonitorKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))];

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The organization's monitors with status and kind filters and a (server-side, debounced) search. */
export function MonitorList() {
  const { session } = useSession();
  const [status, setStatus] = useState<MonitorStatus | ''>('');
  const [kind, setKind] = useState<MonitorKind | ''>('');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const monitors = useMonitors({ status: status || undefined, kind: kind || undefined, text: search });
  const filtered = status !== '' || kind !== '' || search !== '';
  const canEdit = canEditMonitors(session?.role);

  return (
    <>
      <div className="monitors__toolbar" role="search" aria-label="Filter monitors">
        <SelectField label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value as MonitorStatus | '')} options={STATUS_OPTIONS} />
        <SelectField label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as MonitorKind | '')} options={KIND_OPTIONS} />
        <TextField label="Search" name="search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or target" />
      </div>
      <QueryState
        query={monitors}
        what="the monitors"
        skeletonLines={4}
        explainError={(error) => (errorCodeOf(error) === 'FORBIDDEN' ? 'You don’t have access to this organization’s monitors.' : undefined)}
        isEmpty={(data) => data.monitors.length === 0}
        empty={
          filtered ? (
            <EmptyState title="No monitors match.">Try another status, kind or search.</EmptyState>
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
        {(data) => (
          <MonitorTable
            rows={data.monitors}
            hasNextPage={monitors.hasNextPage}
            isFetchingNextPage={monitors.isFetchingNextPage}
            fetchNextPage={monitors.fetchNextPage}
          />
        )}
      </QueryState>
    </>
  );
}
