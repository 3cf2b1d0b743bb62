import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { errorCodeOf } from '@/lib/graphql-client';
import { useApiKeys } from '../api/get-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { formatDateTime, SCOPE_LABELS } from './format';

type ApiKeyRow = NonNullable<ReturnType<typeof useApiKeys>['data']>[number];

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

function ApiKeyTable({ data }: { data: readonly ApiKeyRow[] }) {
  const revoke = useRevokeApiKey();
  const toast = useToast();

  const columns: Column<ApiKeyRow>[] = [
    { header: 'Name', primary: true, cell: (k) => k.name },
    { header: 'Prefix', cell: (k) => <code>{k.prefix}…</code> },
    { header: 'Scope', cell: (k) => SCOPE_LABELS[k.scope] ?? k.scope },
    { header: 'Created', cell: (k) => formatDateTime(k.createdAt) },
    { header: 'Last used', cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never') },
    {
      header: 'Status',
      cell: (k) =>
        k.revokedAt ? (
          <span className="badge badge--danger" title={`Revoked ${formatDateTime(k.revokedAt)}`}>
            Revoked
          </span>
        ) : (
          <span className="badge badge--success">Active</span>
        ),
    },
    {
      header: 'Actions',
      hideHeader: true,
      actions: true,
      cell: (k) =>
        k.revokedAt ? null : (
          <ConfirmButton
            trigger={
              <Button variant="secondary" size="sm" aria-label={`Revoke ${k.name}`} onClick={() => revoke.reset()}>
                Revoke
              </Button>
            }
            title={`Revoke “${k.name}”?`}
            description="Every script or pipeline using this key stops working at once. This cannot be undone."
            confirmLabel="Revoke key"
            onConfirm={() => revoke.mutate(k.id, { onSuccess: () => toast({ title: 'API key revoked', description: k.name }) })}
          />
        ),
    },
  ];

  return (
    <>
      {revoke.isError ? (
        <FormAlert>
          {errorCodeOf(revoke.error) === 'FORBIDDEN' ? API_KEYS_FORBIDDEN_MESSAGE : `Could not revoke the key: ${revoke.error.message}`}
        </FormAlert>
      ) : null}
      <DataTable label="API keys" columns={columns} rows={data} rowKey={(k) => k.id} rowTestId="api-key-row" />
    </>
  );
}
