import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

/** Confirms an email address with the single-use token from the verification link. */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: (token: string) => request(VerifyEmailMutation, { token }).then((data) => data.verifyEmail),
  });
}
