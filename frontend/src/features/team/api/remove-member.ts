import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { membersQueryKey } from './get-members';

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);

/** Removes a member from the organization and ends their sessions in it. */
export function useRemoveMember() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => request(RemoveMemberMutation, { userId }, { accessToken }).then((data) => data.removeMember),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(session?.tenant.id) }),
  });
}
