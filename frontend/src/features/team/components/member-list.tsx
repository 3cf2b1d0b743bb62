import { useState } from 'react';
import { Button } from '@/components/button';
import { ConfirmButton, ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { FormAlert } from '@/components/form';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import type { Role } from '@/gql/graphql';
import { errorCodeOf } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { useChangeMemberRole } from '../api/change-member-role';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { assignableRoles, canManageMember, formatDateTime, lockedReason, ROLE_SUMMARIES, roleLabel } from './format';

type MemberRow = NonNullable<ReturnType<typeof useMembers>['data']>[number];

const LAST_OWNER_MESSAGE = 'An organization needs an owner: the last owner cannot be demoted or removed.';
const FORBIDDEN_MESSAGE = 'You are not allowed to do that: only owners can change or remove owners.';

function actionError(error: Error, action: string): string {
  const code = errorCodeOf(error);
  if (code === 'CONFLICT') return LAST_OWNER_MESSAGE;
  if (code === 'FORBIDDEN') return FORBIDDEN_MESSAGE;
  return `Could not ${action}: ${error.message}`;
}

/** The organization's members; owners and admins change roles and remove members (both confirmed). */
export function MemberList() {
  const members = useMembers();
  return (
    <QueryState query={members} what="the members" skeletonLines={2}>
      {(data) => <MemberTable data={data} />}
    </QueryState>
  );
}

function MemberTable({ data }: { data: readonly MemberRow[] }) {
  const { session } = useSession();
  const viewerRole = session?.role;
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const toast = useToast();
  const [pendingChange, setPendingChange] = useState<{ member: MemberRow; role: Role } | null>(null);
  const roles = assignableRoles(viewerRole);
  const ownerCount = data.filter((m) => m.role === 'OWNER').length;

  const resetErrors = () => {
    changeRole.reset();
    remove.reset();
  };

  const columns: Column<MemberRow>[] = [
    {
      header: 'Member',
      primary: true,
      cell: (m) => (
        <span className="team__member">
          <span>
            {m.user.name}
            {m.user.id === session?.user.id ? <span className="muted"> (you)</span> : null}
          </span>
          <span className="team__email">{m.user.email}</span>
        </span>
      ),
    },
    {
      header: 'Role',
      cell: (m) => {
        const locked = lockedReason({ role: m.role, isSelf: m.user.id === session?.user.id }, ownerCount);
        if (!canManageMember(viewerRole, m.role)) return <span data-testid="member-role">{roleLabel(m.role)}</span>;
        const reasonId = `member-${m.user.id}-locked`;
        return (
          <span className="team__role">
            <select
              className="form__input form__select team__select"
              aria-label={`Role of ${m.user.name}`}
              aria-describedby={locked ? reasonId : undefined}
              value={m.role}
              disabled={locked !== null || changeRole.isPending}
              onChange={(e) => {
                resetErrors();
                setPendingChange({ member: m, role: e.target.value as Role });
              }}
            >
              {/* A member's current role stays selectable even if the viewer could not grant it. */}
              {(roles.includes(m.role) ? roles : [m.role, ...roles]).map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
            {locked ? (
              <span className="team__locked" id={reasonId}>
                {locked}
              </span>
            ) : null}
          </span>
        );
      },
    },
    { header: 'Joined', cell: (m) => formatDateTime(m.joinedAt) },
    {
      header: 'Actions',
      hideHeader: true,
      actions: true,
      cell: (m) => {
        if (!canManageMember(viewerRole, m.role)) return null;
        const locked = lockedReason({ role: m.role, isSelf: m.user.id === session?.user.id }, ownerCount);
        if (locked) {
          return (
            <Button variant="ghost" size="sm" disabled aria-label={`Remove ${m.user.name}`} title={locked}>
              Remove
            </Button>
          );
        }
        return (
          <ConfirmButton
            trigger={
              <Button variant="secondary" size="sm" aria-label={`Remove ${m.user.name}`} onClick={resetErrors}>
                Remove
              </Button>
            }
            title={`Remove ${m.user.name} from ${session?.tenant.name ?? 'the organization'}?`}
            description={`${m.user.name} loses access at once and is logged out of this organization. You can invite them again later.`}
            confirmLabel={`Remove ${m.user.name}`}
            onConfirm={() =>
              remove.mutate(m.user.id, { onSuccess: () => toast({ title: `${m.user.name} was removed`, description: m.user.email }) })
            }
          />
        );
      },
    },
  ];

  return (
    <>
      {changeRole.isError ? <FormAlert>{actionError(changeRole.error, 'change the role')}</FormAlert> : null}
      {remove.isError ? <FormAlert>{actionError(remove.error, 'remove the member')}</FormAlert> : null}
      <DataTable label="Members" columns={columns} rows={data} rowKey={(m) => m.user.id} rowTestId="member-row" />
      <ConfirmDialog
        open={pendingChange !== null}
        onOpenChange={(open) => {
          if (!open) setPendingChange(null);
        }}
        tone="primary"
        title={
          pendingChange
            ? `Make ${pendingChange.member.user.name} ${article(pendingChange.role)} ${roleLabel(pendingChange.role).toLowerCase()}?`
            : ''
        }
        description={
          pendingChange ? (
            <>
              <p>
                {pendingChange.member.user.name} is {article(pendingChange.member.role)} {roleLabel(pendingChange.member.role).toLowerCase()}{' '}
                now. As {article(pendingChange.role)} {roleLabel(pendingChange.role).toLowerCase()}:
              </p>
              <p>{ROLE_SUMMARIES[pendingChange.role]}</p>
            </>
          ) : null
        }
        confirmLabel="Change role"
        onConfirm={() => {
          if (!pendingChange) return;
          const { member, role } = pendingChange;
          changeRole.mutate(
            { userId: member.user.id, role },
            { onSuccess: () => toast({ title: 'Role changed', description: `${member.user.name} is now ${article(role)} ${roleLabel(role).toLowerCase()}.` }) },
          );
        }}
      />
    </>
  );
}

function article(role: string): string {
  return role.toUpperCase() === 'OWNER' || role.toUpperCase() === 'ADMIN' ? 'an' : 'a';
}
