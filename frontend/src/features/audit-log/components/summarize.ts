import { roleLabel } from '@/lib/roles';

/** Known audit actions and entity types (the server writes these), for the filter menus. */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'member.invited': 'Member invited',
  'member.invitation_revoked': 'Invitation revoked',
  'member.joined': 'Member joined',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'session.created': 'Logged in',
  'session.ended': 'Logged out',
  'session.revoked': 'Session ended',
  'session.revoked_all': 'Logged out everywhere',
  'tenant.signed_up': 'Organization created',
  'tenant.suspended': 'Organization suspended',
  'tenant.reactivated': 'Organization reactivated',
  'user.email_verified': 'Email verified',
  'user.password_changed': 'Password changed',
  'user.password_reset': 'Password reset',
};

export const AUDIT_ENTITY_TYPES: Readonly<Record<string, string>> = {
  api_key: 'API keys',
  invitation: 'Invitations',
  session: 'Sessions',
  tenant: 'Organization',
  user: 'People',
};

export interface SummarizableEvent {
  action: string;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  /** The server's words for the actor: "Ann", "API key “CI”", "A former member" or "Beacon". */
  actorName?: string | null;
  changes: string;
}

function parseChanges(changes: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(changes);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/**
 * Who did it, in words: "You" for the signed-in user, otherwise the server's `actorName`
 * ("Ann", "API key “CI”", "A former member", "Beacon"); a short id only if a name is missing.
 */
export function describeActor(event: SummarizableEvent, selfId: string | undefined): string {
  if (event.actorUserId && event.actorUserId === selfId) return 'You';
  const name = event.actorName?.trim();
  if (name) return name;
  if (event.actorUserId) return `User ${shortId(event.actorUserId)}`;
  if (event.actorApiKeyId) return `API key ${shortId(event.actorApiKeyId)}`;
  return 'Beacon';
}

function scopeLabel(scope: unknown): string | undefined {
  const s = text(scope)?.toUpperCase().replace(/[^A-Z]/g, '');
  if (s === 'READ') return 'read-only';
  if (s === 'READWRITE') return 'read & write';
  return text(scope);
}

function role(value: unknown): string | undefined {
  const r = text(value);
  return r ? roleLabel(r).toLowerCase() : undefined;
}

/** The change in plain language, e.g. "You created the API key “CI” (read & write)." */
export function summarizeEvent(event: SummarizableEvent, selfId: string | undefined): string {
  const actor = describeActor(event, selfId);
  const their = actor === 'You' ? 'your' : 'their';
  const c = parseChanges(event.changes);
  const roleChange = typeof c.role === 'object' && c.role !== null ? (c.role as { from?: unknown; to?: unknown }) : null;
  const what = (() => {
    switch (event.action) {
      case 'api_key.created': {
        const name = text(c.name);
        const scope = scopeLabel(c.scope);
        return `created the API key${name ? ` “${name}”` : ''}${scope ? ` (${scope})` : ''}`;
      }
      case 'api_key.revoked':
        return text(c.name) ? `revoked the API key “${text(c.name)}”` : 'revoked an API key';
      case 'member.invited':
        return `invited ${text(c.email) ?? 'someone'}${role(c.role) ? ` as ${role(c.role)}` : ''}`;
      case 'member.invitation_revoked':
        return text(c.email) ? `revoked the invitation for ${text(c.email)}` : 'revoked an invitation';
      case 'member.joined':
        return `joined the organization${role(c.role) ? ` as ${role(c.role)}` : ''}`;
      case 'member.role_changed':
        return roleChange && role(roleChange.from) && role(roleChange.to)
          ? `changed a member’s role from ${role(roleChange.from)} to ${role(roleChange.to)}`
          : 'changed a member’s role';
      case 'member.removed':
        return 'removed a member from the organization';
      case 'session.created':
        return 'logged in';
      case 'session.ended':
        return 'logged out';
      case 'session.revoked':
        return 'ended a session';
      case 'session.revoked_all':
        return 'logged out of every session';
      case 'tenant.signed_up':
        return `created the organization${text(c.name) ? ` “${text(c.name)}”` : ''}`;
      case 'tenant.suspended':
        return 'suspended the organization';
      case 'tenant.reactivated':
        return 'reactivated the organization';
      case 'user.email_verified':
        return `verified ${their} email address`;
      case 'user.password_changed':
        return `changed ${their} password`;
      case 'user.password_reset':
        return `reset ${their} password with an emailed link`;
      default:
        return `did ${event.action}`;
    }
  })();
  return `${actor} ${what}.`;
}
