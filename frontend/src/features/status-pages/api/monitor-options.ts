import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { StatusPageMonitorOptionsQuery } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const StatusPageMonitorOptionsDocument = graphql(`
  query StatusPageMonitorOptions($first: Int, $filter: MonitorFilter) {
    monitors(first: $first, filter: $filter) {
      nodes {
        id
        name
        target
        status
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export type MonitorOption = StatusPageMonitorOptionsQuery['monitors']['nodes'][number];

/** Monitors to put on a page, filtered by name or target on the server (the first 100). */
export function useMonitorOptions(text: string, enabled = true) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const search = text.trim();
  return useQuery({
    queryKey: ['status-page-monitor-options', session?.tenant.id, search],
    queryFn: ({ signal }) =>
      request(StatusPageMonitorOptionsDocument, { first: 100, filter: { text: search || null } }, { signal, accessToken }).then((d) => d.monitors),
    enabled: enabled && accessToken !== null,
    // Typing in the search box keeps the last list on screen.
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
}
