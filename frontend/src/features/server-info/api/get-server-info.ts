import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const ServerInfoQuery = graphql(`
  query ServerInfo {
    serverInfo {
      version
      apiVersion
    }
  }
`);

export const serverInfoQueryKey = ['server-info'] as const;

/** Version information of the running Beacon server (no authentication needed). */
export function useServerInfo() {
  return useQuery({
    queryKey: serverInfoQueryKey,
    queryFn: ({ signal }) => request(ServerInfoQuery, {}, { signal }),
    select: (data) => data.serverInfo,
    staleTime: 60_000,
  });
}
