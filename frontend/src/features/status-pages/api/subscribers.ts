import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { StatusPageSubscribersQuery } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const StatusPageSubscribersDocument = graphql(`
  query StatusPageSubscribers($pageId: ID!, $first: Int!, $after: String) {
    statusPageSubscribers(pageId: $pageId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        email
        confirmed
        confirmedAt
        components {
          id
          name
        }
        createdAt
      }
    }
  }
`);

export const StatusPageSubscribersCsvDocument = graphql(`
  query StatusPageSubscribersCsv($pageId: ID!) {
    statusPageSubscribersCsv(pageId: $pageId)
  }
`);

export const RemoveStatusPageSubscriberDocument = graphql(`
  mutation RemoveStatusPageSubscriber($id: ID!) {
    removeStatusPageSubscriber(id: $id)
  }
`);

export type Subscriber = StatusPageSubscribersQuery['statusPageSubscribers']['nodes'][number];

/** Subscribers per page of the list (the server allows at most 100). */
export const SUBSCRIBERS_PAGE_SIZE = 50;

function useAuth() {
  const { session } = useSession();
  return { accessToken: session?.accessToken ?? null, tenantId: session?.tenant.id };
}

function subscribersKey(tenantId: string | undefined, pageId: string) {
  return ['status-page-subscribers', tenantId, pageId] as const;
}

/** A page's subscribers, newest first, one page at a time (viewers and above). */
export function useStatusPageSubscribers(pageId: string) {
  const { accessToken, tenantId } = useAuth();
  return useInfiniteQuery({
    queryKey: subscribersKey(tenantId, pageId),
    queryFn: ({ signal, pageParam }) =>
      request(StatusPageSubscribersDocument, { pageId, first: SUBSCRIBERS_PAGE_SIZE, after: pageParam }, { signal, accessToken }).then(
        (d) => d.statusPageSubscribers,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? (last.pageInfo.endCursor ?? undefined) : undefined),
    enabled: accessToken !== null,
    retry: (failures, error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1,
  });
}

/** Every subscriber of a page as CSV text, asked for on demand (admins and owners; others get `FORBIDDEN`). */
export function useExportSubscribersCsv(pageId: string) {
  const { accessToken } = useAuth();
  return useMutation({
    mutationFn: () => request(StatusPageSubscribersCsvDocument, { pageId }, { accessToken }).then((d) => d.statusPageSubscribersCsv),
  });
}

/** Removes a subscriber (members and above); the list is asked for again. */
export function useRemoveStatusPageSubscriber(pageId: string) {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(RemoveStatusPageSubscriberDocument, { id }, { accessToken }).then((d) => d.removeStatusPageSubscriber),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subscribersKey(tenantId, pageId) }),
  });
}
