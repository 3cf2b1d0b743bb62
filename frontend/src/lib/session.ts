import { createContext, useContext } from 'react';

export type SessionRole = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

/** A logged-in session, held only in memory (the refresh token lives in an HttpOnly cookie). */
export interface Session {
  readonly accessToken: string;
  /** Seconds the access token was valid for when issued. */
  readonly expiresIn: number;
  readonly user: { readonly id: string; readonly email: string; readonly name: string; readonly emailVerified: boolean };
  readonly tenant: { readonly id: string; readonly slug: string; readonly name: string; readonly host: string };
  readonly role: SessionRole;
}

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

export interface SessionContextValue {
  readonly status: SessionStatus;
  readonly session: Session | null;
  /** Stores a session returned by `logIn`/`refreshSession` and schedules its refresh. */
  readonly signIn: (session: Session) => void;
  /** Ends this browser's session on the server (best effort) and forgets it locally. */
  readonly logOut: () => Promise<void>;
  /** Forgets the session locally, e.g. after `logOutEverywhere` or a password change elsewhere. */
  readonly clear: () => void;
}

/** Shared between features: provided by the auth feature, read by any feature and the app shell. */
export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <AuthProvider>');
  return value;
}

const ROLE_RANK: Readonly<Record<SessionRole, number>> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** Whether `role` is at least `minimum` (owner > admin > member > viewer). */
export function hasRole(role: SessionRole | undefined, minimum: SessionRole): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[minimum];
}
