import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations {
      id
      email
      role
      createdAt
      expiresAt
    }
  }
`);

/** Query key of the pending invitations; invalidated after invite and revoke. */
export function invitationsQueryKey(tenantId: string | undefined) {
  return ['team', 'invitations', tenantId] as const;
}

/** Invitations not yet accepted, revoked or expired (owners and admins; others get `FORBIDDEN`). */
export function useInvitations({ enabled = true }: { enabled?: boolean } = {}) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: invitationsQueryKey(session?.tenant.id),
    queryFn: ({ signal }) => request(InvitationsQuery, {}, { signal, accessToken }),
    select: (data) => data.invitations,
    enabled: enabled && accessToken !== null,
    // Retrying does not turn a missing permission into one.
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}
