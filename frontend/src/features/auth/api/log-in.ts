import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { LogInInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on SessionPayload {
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
      ... on TenantChoicePayload {
        tenants {
          slug
          name
          role
          host
        }
      }
    }
  }
`);

/** Logs in; resolves with a session, or with the organizations to choose from. */
export function useLogIn() {
  return useMutation({
    mutationFn: (input: LogInInput) => request(LogInMutation, { input }).then((data) => data.logIn),
  });
}
