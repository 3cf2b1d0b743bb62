import { useState } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { SelectField, TextField } from '@/components/form';
import { QueryState } from '@/components/query-state';
import type { MonitorKind, MonitorOrder, MonitorStatus } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useDebounced } from '@/lib/use-debounced';
import { useSession } from '@/lib/session';
import { useMonitorTags } from '../api/get-monitor-tags';
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

const ORDER_OPTIONS: { value: MonitorOrder; label: string }[] = [
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'STATUS', label: 'Worst status first' },
  { value: 'NAME', label: 'Name, A to Z' },
];

/** The organization's monitors with status, kind and tag filters, a (server-side, debounced) search and a sort order. */
export function MonitorList() {
  const { session } = useSession();
  const [status, setStatus] = useState<MonitorStatus | ''>('');
  const [kind, setKind] = useState<MonitorKind | ''>('');
  const [tag, setTag] = useState('');
  const [orderBy, setOrderBy] = useState<MonitorOrder>('NEWEST');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const monitors = useMonitors({ status: status || undefined, kind: kind || undefined, tag: tag || undefined, text: search, orderBy });
  const tags = useMonitorTags().data ?? [];
  const tagOptions = [{ value: '', label: 'All' }, ...tags.map((t) => ({ value: t, label: t }))];
  // A chosen tag stays selectable while the list of tags refreshes.
  if (tag && !tags.includes(tag)) tagOptions.push({ value: tag, label: tag });
  const filtered = status !== '' || kind !== '' || tag !== '' || search !== '';
  const canEdit = canEditMonitors(session?.role);

  return (
    <>
      <div className="monitors__toolbar" role="search" aria-label="Filter monitors">
        <SelectField label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value as MonitorStatus | '')} options={STATUS_OPTIONS} />
        <SelectField label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as MonitorKind | '')} options={KIND_OPTIONS} />
        <SelectField label="Tag" name="tag" value={tag} onChange={(e) => setTag(e.target.value)} options={tagOptions} />
        <TextField label="Search" name="search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or target" />
        <SelectField label="Sort" name="orderBy" value={orderBy} onChange={(e) => setOrderBy(e.target.value as MonitorOrder)} options={ORDER_OPTIONS} />
      </div>
      <QueryState
        query={monitors}
        what="the monitors"
        skeletonLines={4}
        explainError={(error) => (errorCodeOf(error) === 'FORBIDDEN' ? 'You don’t have access to this organization’s monitors.' : undefined)}
        isEmpty={(data) => data.monitors.length === 0}
        empty={
          filtered ? (
            <EmptyState title="No monitors match.">Try another status, kind, tag or search.</EmptyState>
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
