import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** Emails a reset link if the address has an account (always answers `true`). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => request(RequestPasswordResetMutation, { email }).then((data) => data.requestPasswordReset),
  });
}
