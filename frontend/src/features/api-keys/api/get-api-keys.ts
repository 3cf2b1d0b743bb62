import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      prefix
      scope
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);

/** Query key of the organization's API keys; invalidated after create and revoke. */
export function apiKeysQueryKey(tenantId: string | undefined) {
  return ['api-keys', tenantId] as const;
}

/** The organization's API keys (owners and admins; others get `FORBIDDEN`). */
export function useApiKeys({ enabled = true }: { enabled?: boolean } = {}) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: apiKeysQueryKey(session?.tenant.id),
    queryFn: ({ signal }) => request(ApiKeysQuery, {}, { signal, accessToken }),
    select: (data) => data.apiKeys,
    enabled: enabled && accessToken !== null,
    // Retrying does not turn a missing permission into one.
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}
