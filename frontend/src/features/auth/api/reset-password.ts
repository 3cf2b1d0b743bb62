import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { ResetPasswordInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

/** Sets a new password with the token from a reset link (ends every session). */
export function useResetPassword() {
  return useMutation({
    mutationFn: (input: ResetPasswordInput) => request(ResetPasswordMutation, { input }).then((data) => data.resetPassword),
  });
}
