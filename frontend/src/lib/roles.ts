import type { SessionRole } from './session';

export const ROLE_LABELS: Readonly<Record<string, string>> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role.toUpperCase()] ?? role;
}

/** What each role may do, in plain words (docs/roles.md). */
export const ROLE_SUMMARIES: Readonly<Record<SessionRole, string>> = {
  OWNER: 'Everything, including granting or removing ownership. An organization always keeps at least one owner.',
  ADMIN: 'Invites people, changes roles (except owners), manages API keys and reads the audit log.',
  MEMBER: 'Uses the organization’s dashboard and sees the team; cannot manage people or keys.',
  VIEWER: 'Read-only access to the organization and its team.',
};
