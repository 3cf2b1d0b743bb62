import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { invitationsQueryKey } from './get-invitations';

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

/** Withdraws a pending invitation; its link stops working. */
export function useRevokeInvitation() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(RevokeInvitationMutation, { id }, { accessToken }).then((data) => data.revokeInvitation),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(session?.tenant.id) }),
  });
}
