import { useState } from 'react';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import type { Role } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useChangeMemberRole } from '../api/change-member-role';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { assignableRoles, canManageMember, formatDateTime, roleLabel } from './format';

const LAST_OWNER_MESSAGE = 'An organization needs an owner: the last owner cannot be demoted or removed.';
const FORBIDDEN_MESSAGE = 'You are not allowed to do that: only owners can change or remove owners.';

function actionError(error: Error, action: string): string {
  const code = errorCodeOf(error);
  if (code === 'CONFLICT') return LAST_OWNER_MESSAGE;
  if (code === 'FORBIDDEN') return FORBIDDEN_MESSAGE;
  return `Could not ${action}: ${error.message}`;
}

/** The organization's members; owners and admins can change roles and remove members (confirmed). */
export function MemberList() {
  const members = useMembers();
  return (
    <QueryState query={members} what="the members" skeletonLines={2}>
      {(data) => <MemberTable data={data} />}
    </QueryState>
  );
}

function MemberTable({ data }: { data: NonNullable<ReturnType<typeof useMembers>['data']> }) {
  const { session } = useSession();
  const viewerRole = session?.role;
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState<string | null>(null);

  const roles = assignableRoles(viewerRole);
  const resetErrors = () => {
    changeRole.reset();
    remove.reset();
  };

  return (
    <>
      {changeRole.isError ? <FormAlert>{actionError(changeRole.error, 'change the role')}</FormAlert> : null}
      {remove.isError ? <FormAlert>{actionError(remove.error, 'remove the member')}</FormAlert> : null}
      <div className="team__table-wrap">
        <table className="team__table" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="team__visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((member) => {
              const manageable = canManageMember(viewerRole, member.role);
              const isSelf = member.user.id === session?.user.id;
              return (
                <tr key={member.user.id} data-testid="member-row">
                  <td>
                    {member.user.name}
                    {isSelf ? <span className="team__muted"> (you)</span> : null}
                  </td>
                  <td>{member.user.email}</td>
                  <td>
                    {manageable ? (
                      <select
                        className="team__select team__select--inline"
                        aria-label={`Role of ${member.user.name}`}
                        value={member.role}
                        disabled={changeRole.isPending}
                        onChange={(e) => {
                          resetErrors();
                          changeRole.mutate({ userId: member.user.id, role: e.target.value as Role });
                        }}
                      >
                        {/* A member's current role stays selectable even if the viewer could not grant it. */}
                        {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((role) => (
                          <option key={role} value={role}>
                            {roleLabel(role)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span data-testid="member-role">{roleLabel(member.role)}</span>
                    )}
                  </td>
                  <td>{formatDateTime(member.joinedAt)}</td>
                  <td>
                    {!manageable ? null : confirming === member.user.id ? (
                      <span className="team__confirm">
                        <button
                          type="button"
                          className="button team__danger team__small"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(member.user.id, { onSettled: () => setConfirming(null) })}
                        >
                          {remove.isPending ? 'Removing…' : 'Confirm remove'}
                        </button>
                        <button type="button" className="button--link" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary team__small"
                        aria-label={`Remove ${member.user.name}`}
                        onClick={() => {
                          resetErrors();
                          setConfirming(member.user.id);
                        }}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
