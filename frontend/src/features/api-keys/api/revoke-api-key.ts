import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { apiKeysQueryKey } from './get-api-keys';

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

/** Revokes an API key at once. */
export function useRevokeApiKey() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(RevokeApiKeyMutation, { id }, { accessToken }).then((data) => data.revokeApiKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(session?.tenant.id) }),
  });
}
