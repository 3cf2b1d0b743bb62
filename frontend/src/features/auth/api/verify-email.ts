import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      verified
      alreadyVerified
    }
  }
`);

/**
 * Confirms an email address with the token from the verification link. A link opened again
 * after it worked answers `alreadyVerified` instead of an error.
 */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: (token: string) => request(VerifyEmailMutation, { token }).then((data) => data.verifyEmail),
  });
}
