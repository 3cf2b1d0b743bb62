import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      lastActiveAt
      userAgent
      tenantSlug
      current
    }
  }
`);

/** Query key of the caller's sessions; invalidated after ending one. */
export function mySessionsQueryKey(userId: string | undefined) {
  return ['my-sessions', userId] as const;
}

/** The caller's signed-in sessions in every organization, newest first. */
export function useMySessions() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: mySessionsQueryKey(session?.user.id),
    queryFn: ({ signal }) => request(MySessionsQuery, {}, { signal, accessToken }),
    select: (data) => data.mySessions,
    enabled: accessToken !== null,
  });
}
