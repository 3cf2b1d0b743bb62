import { Button } from '@/components/button';
import { ConfirmButton } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { errorCodeOf } from '@/lib/graphql-client';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { formatDateTime, roleLabel } from './format';

type InvitationRow = NonNullable<ReturnType<typeof useInvitations>['data']>[number];

export const INVITATIONS_FORBIDDEN_MESSAGE = 'Only owners and admins of this organization can see and manage invitations.';

/** Invitations not yet accepted, revoked or expired, with a (confirmed) revoke button each. */
export function InvitationList() {
  const invitations = useInvitations();
  return (
    <QueryState
      query={invitations}
      what="the invitations"
      skeletonLines={1}
      explainError={(error) => (errorCodeOf(error) === 'FORBIDDEN' ? INVITATIONS_FORBIDDEN_MESSAGE : undefined)}
      isEmpty={(data) => data.length === 0}
      empty={<EmptyState title="No pending invitations.">Invite someone with the form above; they get an email with a link to join.</EmptyState>}
    >
      {(data) => <InvitationTable data={data} />}
    </QueryState>
  );
}

function InvitationTable({ data }: { data: readonly InvitationRow[] }) {
  const revoke = useRevokeInvitation();
  const toast = useToast();

  const columns: Column<InvitationRow>[] = [
    { header: 'Email', primary: true, cell: (i) => i.email },
    { header: 'Role', cell: (i) => roleLabel(i.role) },
    { header: 'Sent', cell: (i) => formatDateTime(i.createdAt) },
    { header: 'Expires', cell: (i) => formatDateTime(i.expiresAt) },
    {
      header: 'Actions',
      hideHeader: true,
      actions: true,
      cell: (i) => (
        <ConfirmButton
          trigger={
            <Button variant="secondary" size="sm" aria-label={`Revoke invitation for ${i.email}`} onClick={() => revoke.reset()}>
              Revoke
            </Button>
          }
          title={`Revoke the invitation for ${i.email}?`}
          description="The link in their email stops working at once. You can invite them again later."
          confirmLabel="Revoke invitation"
          onConfirm={() => revoke.mutate(i.id, { onSuccess: () => toast({ title: 'Invitation revoked', description: i.email }) })}
        />
      ),
    },
  ];

  return (
    <>
      {revoke.isError ? (
        <FormAlert>
          {errorCodeOf(revoke.error) === 'FORBIDDEN' ? INVITATIONS_FORBIDDEN_MESSAGE : `Could not revoke the invitation: ${revoke.error.message}`}
        </FormAlert>
      ) : null}
      <DataTable label="Pending invitations" columns={columns} rows={data} rowKey={(i) => i.id} rowTestId="invitation-row" />
    </>
  );
}
