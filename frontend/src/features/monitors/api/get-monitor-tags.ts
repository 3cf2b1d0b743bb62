import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { monitorsRootKey } from './get-monitors';

export const MonitorTagsQuery = graphql(`
  query MonitorTags {
    monitorTags
  }
`);

/** The tags the organization's monitors use, A to Z (for the list's filter and the form's suggestions). */
export function useMonitorTags() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: [...monitorsRootKey(session?.tenant.id), 'tags'],
    queryFn: ({ signal }) => request(MonitorTagsQuery, {}, { signal, accessToken }),
    select: (data) => data.monitorTags,
    enabled: accessToken !== null,
    staleTime: 60_000,
  });
}
