import { RefreshSessionMutation } from '@/features/auth/api/refresh-session';
import { request } from '@/lib/graphql-client';

export interface GraphiqlSession {
  accessToken: string;
  userName: string;
  email: string;
  tenantName: string;
  role: string;
}

/** Seconds before expiry to fetch a new access token. */
const MARGIN_SECONDS = 60;

/**
 * The signed-in Beacon session, for GraphiQL on Beacon's own origin: the refresh token is an
 * HttpOnly cookie scoped to /graphql, so `refreshSession` from this page gets a fresh access
 * token without the page ever seeing the cookie. Concurrent callers share one refresh (one
 * answer serves them all; the server gives a tab of the app refreshing at the same moment the
 * same successor token, so the two need no coordination).
 */
export class SessionToken {
  private current: { session: GraphiqlSession; expiresAt: number } | null = null;
  private inFlight: Promise<GraphiqlSession | null> | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The session, refreshed when it is about to expire; null when not signed in. */
  get(): Promise<GraphiqlSession | null> {
    if (this.current && this.current.expiresAt - MARGIN_SECONDS * 1000 > this.now()) return Promise.resolve(this.current.session);
    this.inFlight ??= request(RefreshSessionMutation, {})
      .then(
        ({ refreshSession: s }) => {
          const session = { accessToken: s.accessToken, userName: s.user.name, email: s.user.email, tenantName: s.tenant.name, role: s.role };
          this.current = { session, expiresAt: this.now() + s.expiresIn * 1000 };
          return session;
        },
        () => {
          this.current = null;
          return null;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}

/** Whether the headers from GraphiQL's headers pane already authorize the request (an API key wins). */
export function hasAuthorization(headers: Record<string, unknown> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
}
