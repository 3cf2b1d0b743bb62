import { Sparkline } from '@/components/sparkline';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { TagList } from '@/components/tags';
import type { MonitorKind, MonitorStatus } from '@/gql/graphql';
import { formatAgo, formatDateTime, KIND_LABELS, timestamp } from './format';
import { StatusBadge } from './status-badge';

export interface MonitorRow {
  id: string;
  name: string;
  kind: MonitorKind;
  target: string;
  status: MonitorStatus;
  /** Down only because a monitor it depends on is down. */
  dependencyDown?: boolean;
  tags?: readonly string[];
  lastCheckedAt?: unknown;
  lastDurationMs?: number | null;
  lastError?: string | null;
  lastPingAt?: unknown;
  /** Over the last day; absent in lists that do not ask for it. */
  uptime?: { uptimePercent?: number | null };
  latencyTrend?: readonly (number | null)[];
}

/** Rows rendered beyond the visible ones (so Tab and the arrow keys find the next row at once). */
const OVERSCAN = 8;
/** Ask for the next page when this few loaded rows are left below the viewport. */
const PREFETCH_ROWS = 30;
/** A fast response fills a tenth of the bar, 10 s fills it all (log scale). */
const SLOW_MS = 10_000;

/** The share (0–100) of the response bar for a duration; 0 ms still gets a sliver through CSS. */
export function responseShare(ms: number): number {
  return Math.min(100, (Math.log10(Math.max(0, ms) + 1) / Math.log10(SLOW_MS + 1)) * 100);
}

/** Uptime over the last day and the hourly response-time trend (both loaded once per page). */
function DayCell({ monitor }: { monitor: MonitorRow }) {
  const uptime = monitor.uptime?.uptimePercent;
  return (
    <span className="monitor-day">
      <span className="monitor-day__uptime" data-testid="row-uptime">
        {uptime === null || uptime === undefined ? <span className="muted">—</span> : `${(Math.floor(uptime * 100) / 100).toFixed(2)} %`}
        <span className="visually-hidden"> uptime</span>
      </span>
      {monitor.kind === 'HEARTBEAT' || !monitor.latencyTrend ? null : <Sparkline values={monitor.latencyTrend} width={64} />}
    </span>
  );
}

function ResponseCell({ monitor }: { monitor: MonitorRow }) {
  const ms = monitor.lastDurationMs;
  if (monitor.kind === 'HEARTBEAT' || ms === null || ms === undefined) return <span className="muted">—</span>;
  return (
    <span className="response-meter">
      <span className="response-meter__track" aria-hidden="true">
        {/* Width through React's style prop is a CSSOM write, which the CSP allows. */}
        <span className={`response-meter__bar${monitor.status === 'DOWN' && !monitor.dependencyDown ? ' response-meter__bar--down' : ''}`} style={{ width: `${responseShare(ms)}%` }} data-testid="response-meter" />
      </span>
      <span className="response-meter__value">{ms.toLocaleString('en-US')} ms</span>
    </span>
  );
}

function LastCheck({ monitor }: { monitor: MonitorRow }) {
  const at = timestamp(monitor.kind === 'HEARTBEAT' ? (monitor.lastPingAt ?? monitor.lastCheckedAt) : monitor.lastCheckedAt);
  return (
    <>
      {at ? (
        <time dateTime={at} title={formatDateTime(at)}>
          {formatAgo(at)}
        </time>
      ) : (
        <span className="muted">Not yet</span>
      )}
      {monitor.status === 'DOWN' && monitor.lastError ? (
        <span className="monitors__error" data-testid="monitor-last-error">
          {monitor.lastError}
        </span>
      ) : null}
    </>
  );
}

const PHONE_QUERY = '(max-width: 40rem)';

/** Whether rows are cards (phones), followed as the window is resized. */
function usePhoneLayout(): boolean {
  const [phone, setPhone] = useState(() => window.matchMedia?.(PHONE_QUERY).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(PHONE_QUERY);
    if (!query) return;
    const update = () => setPhone(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return phone;
}

interface RowProps {
  monitor: MonitorRow;
  index: number;
  /** Pixels from the top of the body. */
  offset: number;
  measure: (element: HTMLDivElement | null) => void;
}

/** One row; memoised so that scrolling renders only the rows that come into view. */
const MonitorRowView = memo(function MonitorRowView({ monitor: m, index, offset, measure }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      ref={measure}
      className="monitor-table__row"
      style={{ transform: `translateY(${offset}px)` }}
      data-testid="monitor-row"
    >
      <span role="cell" className="monitor-table__name">
        <Link className="monitors__name" to={`/app/monitors/${m.id}`}>
          {m.name}
        </Link>
        {m.tags && m.tags.length > 0 ? <TagList tags={m.tags} label={`Tags of ${m.name}`} /> : null}
      </span>
      <span role="cell" className="monitor-table__status">
        <StatusBadge status={m.status} dependencyDown={m.dependencyDown} />
      </span>
      <span role="cell" className="monitor-table__kind">
        {KIND_LABELS[m.kind]}
      </span>
      <span role="cell" className={m.target ? 'monitor-table__target' : 'monitor-table__target monitor-table__cell--empty'}>
        {m.target ? <span className="monitors__target">{m.target}</span> : <span className="muted">—</span>}
      </span>
      <span
        role="cell"
        className={m.kind === 'HEARTBEAT' || m.lastDurationMs === null || m.lastDurationMs === undefined ? 'monitor-table__response monitor-table__cell--empty' : 'monitor-table__response'}
      >
        <ResponseCell monitor={m} />
      </span>
      <span role="cell" className="monitor-table__day">
        <DayCell monitor={m} />
      </span>
      <span role="cell" className="monitor-table__last">
        <LastCheck monitor={m} />
      </span>
    </div>
  );
});

interface MonitorTableProps {
  rows: readonly MonitorRow[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The monitors as an ARIA table whose rows are virtualised against the window's scroll: only the
 * rows on screen (plus a few) are in the DOM, so 10,000 monitors scroll like 10. The next page is
 * fetched as the end comes near. Each row's name is a link: Tab walks them in order, and ↑/↓,
 * Home and End move between rows (scrolling the target into view first).
 */
export function MonitorTable({ rows, hasNextPage, isFetchingNextPage, fetchNextPage }: MonitorTableProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // Where the rows start on the page: measured again when the rows or the window's size change.
  const measureMargin = useCallback(() => {
    const body = bodyRef.current;
    if (body) setScrollMargin(Math.round(body.getBoundingClientRect().top + window.scrollY));
  }, []);
  useLayoutEffect(measureMargin, [measureMargin, rows.length]);
  useEffect(() => {
    window.addEventListener('resize', measureMargin);
    return () => window.removeEventListener('resize', measureMargin);
  }, [measureMargin]);

  const phone = usePhoneLayout();
  // Stable callbacks: the virtualizer recomputes every row's position when they change.
  const estimateSize = useCallback(() => (phone ? 132 : 57), [phone]);
  const measureElement = useCallback((element: Element) => element.getBoundingClientRect().height || estimateSize(), [estimateSize]);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize,
    // A row that measures 0 (not laid out yet) keeps its estimate, or every row would count as visible.
    measureElement,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    // Scroll updates are batched by React rather than flushed synchronously on every event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      const link = bodyRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${target}"] a.monitors__name`);
      if (link) {
        link.focus();
        link.scrollIntoView({ block: 'nearest' });
        return;
      }
      // Not rendered yet: scroll there, and focus once it is.
      pendingFocus.current = target;
      virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [rows.length, virtualizer],
  );

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const link = bodyRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${target}"] a.monitors__name`);
    if (link) {
      pendingFocus.current = null;
      link.focus();
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(row.dataset.index);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  const total = rows.length + 1;
  return (
    <div className="monitor-table">
      <p id="monitor-table-help" className="visually-hidden">
        Use the up and down arrow keys, Home and End to move between monitors.
      </p>
      <div role="table" aria-label="Monitors" aria-rowcount={hasNextPage ? -1 : total} aria-describedby="monitor-table-help" data-testid="monitor-table">
        <div role="rowgroup" className="monitor-table__head">
          <div role="row" aria-rowindex={1} className="monitor-table__row monitor-table__row--head">
            <span role="columnheader">Name</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Kind</span>
            <span role="columnheader">Target</span>
            <span role="columnheader">Response</span>
            <span role="columnheader">Last 24 h</span>
            <span role="columnheader">Last check</span>
          </div>
        </div>
        {/* The body's height and the rows' offsets are CSSOM writes through React (allowed by the CSP). */}
        <div role="rowgroup" ref={bodyRef} className="monitor-table__body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const m = rows[item.index];
            return m ? (
              <MonitorRowView key={item.key} monitor={m} index={item.index} offset={item.start - scrollMargin} measure={virtualizer.measureElement} />
            ) : null;
          })}
        </div>
      </div>
      <div className="monitor-table__foot" role="status" data-testid="monitor-table-foot">
        {isFetchingNextPage ? 'Loading more monitors…' : hasNextPage ? `${rows.length.toLocaleString('en-US')} monitors loaded; scroll for more.` : `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'monitor' : 'monitors'}`}
      </div>
    </div>
  );
}
