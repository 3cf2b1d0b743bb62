import type { Role } from '@/gql/graphql';

export { formatDateTime } from '@/lib/format';

export const ROLE_LABELS: Readonly<Record<string, string>> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

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
