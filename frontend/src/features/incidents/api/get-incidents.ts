import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const IncidentsQuery = graphql(`
  query Incidents($first: Int, $after: String, $filter: IncidentFilter) {
    incidents(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        monitorId
        monitorName
        openedAt
        resolvedAt
        durationSeconds
        cause
        suppressed
        acknowledgedAt
        acknowledgedBy
        timeline {
          at
          kind
          message
        }
        causedBy {
          id
          monitorId
          monitorName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** How often open incidents are asked for again, so new outages and recoveries show without reloading. */
export const INCIDENT_POLL_MS = 10_000;
/** Resolved incidents per page. */
export const HISTORY_PAGE_SIZE = 25;

function incidentsRootKey(tenantId: string | undefined) {
  return ['incidents', tenantId] as const;
}

const noRetryWhenForbidden = (failures: number, error: Error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1;

/** The organization's open incidents (at most 100), newest first. */
export function useOpenIncidents() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: [...incidentsRootKey(session?.tenant.id), 'open'],
    queryFn: ({ signal }) => request(IncidentsQuery, { first: 100, after: null, filter: { open: true } }, { signal, accessToken }),
    select: (data) => data.incidents.nodes,
    enabled: accessToken !== null,
    refetchInterval: INCIDENT_POLL_MS,
    retry: noRetryWhenForbidden,
  });
}

/** Resolved incidents, newest first, a page at a time ("Show more"). */
export function useResolvedIncidents() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useInfiniteQuery({
    queryKey: [...incidentsRootKey(session?.tenant.id), 'resolved'],
    queryFn: ({ signal, pageParam }) =>
      request(IncidentsQuery, { first: HISTORY_PAGE_SIZE, after: pageParam, filter: { open: false } }, { signal, accessToken }).then((d) => d.incidents),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null),
    select: (data) => data.pages.flatMap((page) => page.nodes),
    enabled: accessToken !== null,
    // Recoveries move incidents here: refresh, a little less eagerly than the open ones.
    refetchInterval: INCIDENT_POLL_MS * 3,
    retry: noRetryWhenForbidden,
  });
}
