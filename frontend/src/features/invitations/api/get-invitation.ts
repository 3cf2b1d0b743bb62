import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';

export const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      email
      role
      tenantName
      tenantSlug
      inviterName
      existingAccount
      expiresAt
    }
  }
`);

/**
 * The invitation behind a link, to show before accepting (no login needed). An unknown, used,
 * revoked or expired token is `BAD_USER_INPUT` on `token`: not retried, and neither is
 * `RATE_LIMITED` (the preview shares the verification budget).
 */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => request(InvitationQuery, { token }, { signal }).then((data) => data.invitation),
    enabled: token !== '',
    staleTime: Infinity,
    retry: (failures, error) => {
      const code = errorCodeOf(error);
      return code !== 'BAD_USER_INPUT' && code !== 'RATE_LIMITED' && failures < 1;
    },
  });
}
