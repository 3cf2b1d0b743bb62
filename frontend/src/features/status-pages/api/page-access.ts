import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { graphql } from '@/gql';
import { GraphQLRequestError, request } from '@/lib/graphql-client';

export const UnlockStatusPageDocument = graphql(`
  mutation UnlockStatusPage($slug: String!, $password: String!) {
    unlockStatusPage(slug: $slug, password: $password) {
      token
      expiresAt
    }
  }
`);

export const RequestStatusPageAccessDocument = graphql(`
  mutation RequestStatusPageAccess($slug: String!, $email: String!) {
    requestStatusPageAccess(slug: $slug, email: $email) {
      message
    }
  }
`);

/** How a restricted page lets a visitor in: its password, or a link mailed to an allowed address. */
export type PageLockKind = 'PASSWORD' | 'EMAIL_DOMAIN';

/** What a restricted page says of itself before letting a visitor in. */
export interface PageLock {
  readonly access: PageLockKind;
  /** The page's title (all that is shown before access). */
  readonly title: string;
}

export const LOCKED_CODE = 'STATUS_PAGE_LOCKED';

/**
 * The lock of a restricted page from a request's error (`STATUS_PAGE_LOCKED`, with
 * `extensions.access` and `extensions.title`); null for any other error.
 */
export function pageLockOf(error: unknown): PageLock | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const entry = error.errors.find((e) => e.extensions?.code === LOCKED_CODE);
  if (!entry) return null;
  const { access, title } = entry.extensions ?? {};
  return {
    // An access this app does not know yet is closest to a password prompt's "you need something".
    access: access === 'EMAIL_DOMAIN' ? 'EMAIL_DOMAIN' : 'PASSWORD',
    title: typeof title === 'string' ? title : '',
  };
}

// --- the visitor's grants, kept per host and page ---------------------------------------------

interface StoredGrant {
  token: string;
  /** ISO time after which the server refuses it; null when unknown (a mailed link's). */
  expiresAt: string | null;
}

const PREFIX = 'beacon.pageAccess.';

/** `beacon.pageAccess.<host>/<slug>`: a grant opens one page of one host (and port). */
export function pageAccessKey(slug: string, host: string = window.location.host): string {
  return `${PREFIX}${host}/${slug}`;
}

// Where localStorage is unavailable (disabled, or a browser's private mode), grants last as long as the tab.
const memory = new Map<string, string>();

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function writeRaw(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

/** The grant kept for the page at `slug` on this host, unless it has expired (then it is dropped). */
export function readPageAccess(slug: string, now: number = Date.now()): string | null {
  const key = pageAccessKey(slug);
  const raw = readRaw(key);
  if (raw === null) return null;
  try {
    const grant = JSON.parse(raw) as Partial<StoredGrant>;
    if (typeof grant.token !== 'string' || grant.token === '') throw new Error('no token');
    if (typeof grant.expiresAt === 'string' && Date.parse(grant.expiresAt) <= now) {
      writeRaw(key, null);
      return null;
    }
    return grant.token;
  } catch {
    writeRaw(key, null);
    return null;
  }
}

export function storePageAccess(slug: string, token: string, expiresAt: string | null = null) {
  const grant: StoredGrant = { token, expiresAt };
  writeRaw(pageAccessKey(slug), JSON.stringify(grant));
}

export function forgetPageAccess(slug: string) {
  writeRaw(pageAccessKey(slug), null);
}

/**
 * The visitor's grant for the page at `slug` (null without one), kept in localStorage so the
 * page opens again on the next visit; `grant` keeps a new one, `drop` forgets a refused one.
 * `initial` (a mailed link's token) replaces what was kept.
 */
export function usePageAccess(slug: string, initial: string | null = null) {
  const [token, setToken] = useState<string | null>(() => {
    if (initial) {
      storePageAccess(slug, initial);
      return initial;
    }
    return readPageAccess(slug);
  });
  const grant = useCallback(
    (next: string, expiresAt: string | null = null) => {
      storePageAccess(slug, next, expiresAt);
      setToken(next);
    },
    [slug],
  );
  const drop = useCallback(() => {
    forgetPageAccess(slug);
    setToken(null);
  }, [slug]);
  return { token, grant, drop };
}

/**
 * Opens a password-protected page (no login). A wrong password is `BAD_USER_INPUT` on
 * `password`; attempts are limited per client (`RATE_LIMITED` with `retryAfter`).
 */
export function useUnlockStatusPage() {
  return useMutation({
    mutationFn: ({ slug, password }: { slug: string; password: string }) =>
      request(UnlockStatusPageDocument, { slug, password }).then((d) => d.unlockStatusPage),
  });
}

/**
 * Asks for a link that opens the page, mailed when the address's domain may view it. The
 * answer is the same either way; a malformed address is a field error on `email`.
 */
export function useRequestStatusPageAccess() {
  return useMutation({
    mutationFn: ({ slug, email }: { slug: string; email: string }) =>
      request(RequestStatusPageAccessDocument, { slug, email }).then((d) => d.requestStatusPageAccess),
  });
}
