import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { MonitorStatus } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MonitorsQuery = graphql(`
  query Monitors($first: Int, $filter: MonitorFilter) {
    monitors(first: $first, filter: $filter) {
      nodes {
        id
        name
        kind
        target
        status
        intervalSeconds
        lastCheckedAt
        lastError
        lastPingAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** How often the list and a monitor's page ask again, so status changes show without reloading. */
export const MONITOR_POLL_MS = 10_000;

export interface MonitorListFilter {
  status?: MonitorStatus | undefined;
  text?: string | undefined;
}

/** Query keys of the organization's monitors; everything under `monitorsRootKey` is invalidated after changes. */
export function monitorsRootKey(tenantId: string | undefined) {
  return ['monitors', tenantId] as const;
}

export function monitorsQueryKey(tenantId: string | undefined, filter: MonitorListFilter) {
  return [...monitorsRootKey(tenantId), 'list', filter.status ?? null, filter.text ?? ''] as const;
}

/** The organization's monitors (newest first), filtered on the server, polled every 10 s. */
export function useMonitors(filter: MonitorListFilter) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const text = filter.text?.trim() || undefined;
  return useQuery({
    queryKey: monitorsQueryKey(session?.tenant.id, { status: filter.status, text }),
    queryFn: ({ signal }) =>
      request(MonitorsQuery, { first: 100, filter: { status: filter.status ?? null, text: text ?? null } }, { signal, accessToken }),
    select: (data) => data.monitors.nodes,
    enabled: accessToken !== null,
    refetchInterval: MONITOR_POLL_MS,
    // Typing in the search box keeps the last list on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}
