import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const ResendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail($email: String!) {
    resendVerificationEmail(email: $email)
  }
`);

/**
 * Emails a fresh verification link if the address has an unverified account (earlier links stop
 * working). Always answers `true`, the same whether or not it has one; `RATE_LIMITED` (with
 * `extensions.retryAfter`) when asked too often.
 */
export function useResendVerificationEmail() {
  return useMutation({
    mutationFn: (email: string) => request(ResendVerificationEmailMutation, { email }).then((data) => data.resendVerificationEmail),
  });
}
