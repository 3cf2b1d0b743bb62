import type { Validator } from '@/components/form';
import { hasRole, type SessionRole } from '@/lib/session';

/** Members and above change pages; viewers read them. */
export function canEditStatusPages(role: SessionRole | undefined): boolean {
  return hasRole(role, 'MEMBER');
}

/** Paths the organization's host already serves (the server's list, and the app's own pages). */
const RESERVED = new Set([
  'app', 'graphql', 'graphiql', 'ping', 'health', 'internal', 'metrics', 'assets', 'uploads', 'feeds', 'badges',
  'login', 'signup', 'sign-up', 'log-in', 'verify', 'verify-email', 'reset-password', 'forgot-password',
  'accept-invitation', 'invitations', 'invite', 'accept', 'logout', 'static',
]);

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** A page's path: empty for the default page, else 1–40 of a-z, 0-9 and dashes, not a path Beacon uses. */
export const pageSlug: Validator = (raw) => {
  const value = raw.trim();
  if (value === '') return undefined;
  if (value.length > 40) return 'The path can be at most 40 characters long.';
  if (!SLUG.test(value)) return 'The path can use lowercase letters, digits and dashes, and must start and end with a letter or digit.';
  if (RESERVED.has(value)) return `“/${value}” is already used by Beacon; choose another path.`;
  return undefined;
};

/** "/status" or "/" (the default page). */
export function pagePath(slug: string): string {
  return `/${slug}`;
}
