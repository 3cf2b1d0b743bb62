import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { errorCodeOf } from '@/lib/graphql-client';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { formatDateTime, roleLabel } from './format';

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

function InvitationTable({ data }: { data: NonNullable<ReturnType<typeof useInvitations>['data']> }) {
  const revoke = useRevokeInvitation();
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <>
      {revoke.isError ? (
        <FormAlert>
          {errorCodeOf(revoke.error) === 'FORBIDDEN'
            ? INVITATIONS_FORBIDDEN_MESSAGE
            : `Could not revoke the invitation: ${revoke.error.message}`}
        </FormAlert>
      ) : null}
      <div className="team__table-wrap">
        <table className="team__table" aria-label="Pending invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="team__visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((invitation) => (
              <tr key={invitation.id} data-testid="invitation-row">
                <td>{invitation.email}</td>
                <td>{roleLabel(invitation.role)}</td>
                <td>{formatDateTime(invitation.createdAt)}</td>
                <td>{formatDateTime(invitation.expiresAt)}</td>
                <td>
                  {confirming === invitation.id ? (
                    <span className="team__confirm">
                      <button
                        type="button"
                        className="button team__danger team__small"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(invitation.id, { onSettled: () => setConfirming(null) })}
                      >
                        {revoke.isPending ? 'Revoking…' : 'Confirm revoke'}
                      </button>
                      <button type="button" className="button--link" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary team__small"
                      aria-label={`Revoke invitation for ${invitation.email}`}
                      onClick={() => {
                        revoke.reset();
                        setConfirming(invitation.id);
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
