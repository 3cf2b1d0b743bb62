import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { MonitorKind, MonitorOrder, MonitorsQuery as MonitorsResult, MonitorStatus } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MonitorsQuery = graphql(`
  query Monitors($first: Int, $after: String, $filter: MonitorFilter, $orderBy: MonitorOrder) {
    monitors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      nodes {
        id
        name
        kind
        target
        status
        dependencyDown
        tags
        intervalSeconds
        lastCheckedAt
        lastDurationMs
        lastError
        lastPingAt
        uptime(period: DAY) {
          uptimePercent
        }
        latencyTrend
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** How often the list and a monitor's page ask again, so status changes show without reloading. */
export const MONITOR_POLL_MS = 10_000;
/** Once many pages are loaded, each poll asks for all of them again: slow down. */
export const MONITOR_POLL_MANY_PAGES_MS = 60_000;
/** Monitors per page (the API's maximum). */
export const MONITOR_PAGE_SIZE = 100;

export interface MonitorListFilter {
  status?: MonitorStatus | undefined;
  kind?: MonitorKind | undefined;
  tag?: string | undefined;
  text?: string | undefined;
  orderBy?: MonitorOrder | undefined;
}

/** Query keys of the organization's monitors; everything under `monitorsRootKey` is invalidated after changes. */
export function monitorsRootKey(tenantId: string | undefined) {
  return ['monitors', tenantId] as const;
}

export function monitorsQueryKey(tenantId: string | undefined, filter: MonitorListFilter) {
  return [
    ...monitorsRootKey(tenantId),
    'list',
    filter.status ?? null,
    filter.kind ?? null,
    filter.tag ?? null,
    filter.text ?? '',
    filter.orderBy ?? 'NEWEST',
  ] as const;
}

type MonitorsPage = MonitorsResult['monitors'];

/** One list of every loaded page; a stable function, so it runs only when the pages change. */
function flattenPages(data: { pages: MonitorsPage[] }) {
  return { monitors: data.pages.flatMap((page) => page.nodes), pages: data.pages.length };
}

/**
 * The organization's monitors (newest first), filtered on the server, a page of 100 at a time
 * (`fetchNextPage` as the list scrolls), polled so statuses change without reloading.
 */
export function useMonitors(filter: MonitorListFilter) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const text = filter.text?.trim() || undefined;
  return useInfiniteQuery({
    queryKey: monitorsQueryKey(session?.tenant.id, { ...filter, text }),
    queryFn: ({ signal, pageParam }) =>
      request(
        MonitorsQuery,
        {
          first: MONITOR_PAGE_SIZE,
          after: pageParam,
          filter: { status: filter.status ?? null, kind: filter.kind ?? null, tag: filter.tag ?? null, text: text ?? null },
          orderBy: filter.orderBy ?? 'NEWEST',
        },
        { signal, accessToken },
      ).then((data) => data.monitors),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null),
    select: flattenPages,
    enabled: accessToken !== null,
    refetchInterval: (query) => ((query.state.data?.pages.length ?? 0) > 3 ? MONITOR_POLL_MANY_PAGES_MS : MONITOR_POLL_MS),
    // Typing in the search box keeps the last list on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}
