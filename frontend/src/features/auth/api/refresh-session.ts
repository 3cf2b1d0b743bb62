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
 * Exchanges the refresh cookie for a new access token. Concurrent callers in this page share
 * one request, simply because one answer serves them all. (The server also tolerates two tabs,
 * or the app and GraphiQL, refreshing with the same cookie at the same moment: within 30 s the
 * same client gets the same successor, so nothing here needs to coordinate across tabs.)
 */
export function refreshSession(): Promise<Session> {
  inFlight ??= request(RefreshSessionMutation, {})
    .then((data) => data.refreshSession)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
