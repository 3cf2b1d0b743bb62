import type { Role } from '@/gql/graphql';

export { formatDateTime } from '@/lib/format';
export { ROLE_LABELS, ROLE_SUMMARIES, roleLabel } from '@/lib/roles';

/** Roles someone with `viewerRole` may hand out: only owners grant ownership. */
export function assignableRoles(viewerRole: string | undefined): readonly Role[] {
  if (viewerRole === 'OWNER') return ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];
  if (viewerRole === 'ADMIN') return ['ADMIN', 'MEMBER', 'VIEWER'];
  return [];
}

/** Whether `viewerRole` may change or remove a member who has `memberRole` (admins cannot touch owners). */
export function canManageMember(viewerRole: string | undefined, memberRole: string): boolean {
  if (viewerRole === 'OWNER') return true;
  return viewerRole === 'ADMIN' && memberRole !== 'OWNER';
}

export function canManageTeam(viewerRole: string | undefined): boolean {
  return viewerRole === 'OWNER' || viewerRole === 'ADMIN';
}

/**
 * Why a member's row cannot be changed by the viewer, or null when it can: your own row, and
 * the organization's only owner, are locked (an organization must keep an owner).
 */
export function lockedReason(member: { role: string; isSelf: boolean }, ownerCount: number): string | null {
  if (member.isSelf) return 'This is you: another owner or admin can change your role.';
  if (member.role === 'OWNER' && ownerCount <= 1) return 'The only owner: make someone else owner first.';
  return null;
}
