import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MyOrganizationsQuery = graphql(`
  query MyOrganizations {
    myOrganizations {
      slug
      name
      role
      host
    }
  }
`);

/**
 * The active organizations the signed-in user belongs to, oldest first, each with its host
 * (`<slug>.<BASE_DOMAIN>`, where its members log in). For the organization switcher.
 */
export function useMyOrganizations() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: ['my-organizations', session?.user.id, session?.tenant.id],
    queryFn: ({ signal }) => request(MyOrganizationsQuery, {}, { signal, accessToken }),
    select: (data) => data.myOrganizations,
    enabled: accessToken !== null,
    staleTime: 5 * 60_000,
  });
}
