import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { mySessionsQueryKey } from './get-my-sessions';

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

/** Ends one of the caller's sessions (another browser or device); then refreshes the list. */
export function useRevokeSession() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(RevokeSessionMutation, { id }, { accessToken }).then((data) => data.revokeSession),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mySessionsQueryKey(session?.user.id) }),
  });
}
