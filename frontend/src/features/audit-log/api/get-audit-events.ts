import { useInfiniteQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AuditFilter } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        entityType
        entityId
        actorUserId
        actorApiKeyId
        actorName
        requestId
        clientIp
        changes
        createdAt
      }
    }
  }
`);

/** Events per page (the server allows at most 100). */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The organization's audit trail, newest first, one page at a time (owners and admins;
 * others get `FORBIDDEN`). `fetchNextPage` asks for the page after the last page's `endCursor`.
 */
export function useAuditEvents(filter: AuditFilter | null) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useInfiniteQuery({
    queryKey: ['audit-events', session?.tenant.id, filter],
    queryFn: ({ signal, pageParam }) =>
      request(AuditEventsQuery, { filter, first: AUDIT_PAGE_SIZE, after: pageParam }, { signal, accessToken }).then(
        (data) => data.auditEvents,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => (lastPage.pageInfo.hasNextPage ? (lastPage.pageInfo.endCursor ?? undefined) : undefined),
    enabled: accessToken !== null,
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}
