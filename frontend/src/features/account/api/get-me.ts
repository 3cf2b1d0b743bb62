import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MeQuery = graphql(`
  query Me {
    me {
      user {
        email
        name
      }
      tenant {
        slug
        name
        host
      }
      role
    }
  }
`);

/** The caller, their organization and role (needs a session). */
export function useMe() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: ['me', session?.user.id, session?.tenant.id],
    queryFn: ({ signal }) => request(MeQuery, {}, { signal, accessToken }),
    select: (data) => data.me,
    enabled: accessToken !== null,
  });
}
