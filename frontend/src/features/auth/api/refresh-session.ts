import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import type { Session } from '@/lib/session';

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      expiresIn
      user {
        id
        email
        name
        emailVerified
      }
      tenant {
        id
        slug
        name
        host
      }
      role
    }
  }
`);

let inFlight: Promise<Session> | null = null;

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the refresh token rotates, and presenting the same one twice counts as reuse on the server.
 */
export function refreshSession(): Promise<Session> {
  inFlight ??= request(RefreshSessionMutation, {})
    .then((data) => data.refreshSession)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
