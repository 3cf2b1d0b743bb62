import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { SignUpInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      message
      tenantHost
    }
  }
`);

/** Creates an account and organization; the server emails a verification link. */
export function useSignUp() {
  return useMutation({
    mutationFn: (input: SignUpInput) => request(SignUpMutation, { input }).then((data) => data.signUp),
  });
}
