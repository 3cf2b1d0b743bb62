import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { PublishPageOptionsQuery } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const PublishPageOptionsDocument = graphql(`
  query PublishPageOptions {
    statusPages {
      id
      title
      url
      components {
        monitorId
      }
    }
  }
`);

export const PublishOutageDocument = graphql(`
  mutation PublishOutage($pageId: ID!, $outageId: ID!) {
    publishOutage(pageId: $pageId, outageId: $outageId) {
      id
      pageId
      title
    }
  }
`);

export type PageOption = PublishPageOptionsQuery['statusPages'][number];

/** The organization's status pages, to publish an outage on one (loaded when the dialog opens). */
export function usePageOptions(enabled: boolean) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: ['incidents-publish-pages', session?.tenant.id],
    queryFn: ({ signal }) => request(PublishPageOptionsDocument, {}, { signal, accessToken }).then((d) => d.statusPages),
    enabled: enabled && accessToken !== null,
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
    staleTime: 30_000,
  });
}

/**
 * Publishes a detected outage as an incident on a page that shows its monitor: `CONFLICT` when
 * it is already there, a field error on `outageId` when the page does not show the monitor.
 */
export function usePublishOutage() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pageId, outageId }: { pageId: string; outageId: string }) =>
      request(PublishOutageDocument, { pageId, outageId }, { accessToken }).then((d) => d.publishOutage),
    // The page's incident lists (another feature's cache) are asked again when next shown.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['status-incidents'] }),
  });
}
