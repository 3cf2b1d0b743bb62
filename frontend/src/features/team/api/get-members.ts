import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MembersQuery = graphql(`
  query Members {
    members {
      user {
        id
        email
        name
      }
      role
      joinedAt
    }
  }
`);

/** Query key of the organization's members; invalidated after role changes and removals. */
export function membersQueryKey(tenantId: string | undefined) {
  return ['team', 'members', tenantId] as const;
}

/** The organization's members (everyone in the organization may list them). */
export function useMembers() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: membersQueryKey(session?.tenant.id),
    queryFn: ({ signal }) => request(MembersQuery, {}, { signal, accessToken }),
    select: (data) => data.members,
    enabled: accessToken !== null,
  });
}
