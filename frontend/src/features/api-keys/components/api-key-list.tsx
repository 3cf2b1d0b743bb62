import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { errorCodeOf } from '@/lib/graphql-client';
import { useApiKeys } from '../api/get-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { formatDateTime, SCOPE_LABELS } from './format';

export const API_KEYS_FORBIDDEN_MESSAGE = 'Only owners and admins of this organization can manage API keys.';

/** The organization's API keys, with a (confirmed) revoke button per active key. */
export function ApiKeyList() {
  const apiKeys = useApiKeys();
  return (
    <QueryState
      query={apiKeys}
      what="the API keys"
      skeletonLines={2}
      explainError={(error) => (errorCodeOf(error) === 'FORBIDDEN' ? API_KEYS_FORBIDDEN_MESSAGE : undefined)}
      isEmpty={(data) => data.length === 0}
      empty={<EmptyState title="No API keys yet.">Create one above to let a script or CI pipeline call the Beacon API.</EmptyState>}
    >
      {(data) => <ApiKeyTable data={data} />}
    </QueryState>
  );
}

function ApiKeyTable({ data }: { data: NonNullable<ReturnType<typeof useApiKeys>['data']> }) {
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <>
      {revoke.isError ? (
        <FormAlert>
          {errorCodeOf(revoke.error) === 'FORBIDDEN' ? API_KEYS_FORBIDDEN_MESSAGE : `Could not revoke the key: ${revoke.error.message}`}
        </FormAlert>
      ) : null}
      <div className="api-keys__table-wrap">
        <table className="api-keys__table" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Scope</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="api-keys__visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{SCOPE_LABELS[key.scope] ?? key.scope}</td>
                <td>{formatDateTime(key.createdAt)}</td>
                <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
                <td>
                  {key.revokedAt ? (
                    <span className="api-keys__badge api-keys__badge--revoked" title={`Revoked ${formatDateTime(key.revokedAt)}`}>
                      Revoked
                    </span>
                  ) : (
                    <span className="api-keys__badge api-keys__badge--active">Active</span>
                  )}
                </td>
                <td>
                  {key.revokedAt ? null : confirming === key.id ? (
                    <span className="api-keys__confirm">
                      <button
                        type="button"
                        className="button api-keys__danger api-keys__small"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(key.id, { onSettled: () => setConfirming(null) })}
                      >
                        {revoke.isPending ? 'Revoking…' : `Confirm revoke`}
                      </button>
                      <button type="button" className="button--link" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary api-keys__small"
                      aria-label={`Revoke ${key.name}`}
                      onClick={() => {
                        revoke.reset();
                        setConfirming(key.id);
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
