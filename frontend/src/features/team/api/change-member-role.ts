import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { Role } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { membersQueryKey } from './get-members';

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($userId: ID!, $role: Role!) {
    changeMemberRole(userId: $userId, role: $role) {
      role
    }
  }
`);

/** Changes a member's role (only owners grant or remove ownership; the last owner keeps it). */
export function useChangeMemberRole() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { userId: string; role: Role }) =>
      request(ChangeMemberRoleMutation, variables, { accessToken }).then((data) => data.changeMemberRole),
    // Refetch on failure too, so the select shows the role the member really has.
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(session?.tenant.id) }),
  });
}
