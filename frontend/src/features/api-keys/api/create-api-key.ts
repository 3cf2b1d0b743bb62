import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { CreateApiKeyInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { apiKeysQueryKey } from './get-api-keys';

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      key {
        id
        name
        prefix
        scope
        createdAt
      }
    }
  }
`);

/** Creates an API key; the result's `secret` is returned this once and never again. */
export function useCreateApiKey() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) =>
      request(CreateApiKeyMutation, { input }, { accessToken }).then((data) => data.createApiKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(session?.tenant.id) }),
  });
}
