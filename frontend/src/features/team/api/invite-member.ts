import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { InviteMemberInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { invitationsQueryKey } from './get-invitations';

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
    }
  }
`);

/** Emails an invitation to join the organization with a role. */
export function useInviteMember() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteMemberInput) =>
      request(InviteMemberMutation, { input }, { accessToken }).then((data) => data.inviteMember),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(session?.tenant.id) }),
  });
}
