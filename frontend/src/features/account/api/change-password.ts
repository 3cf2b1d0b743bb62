import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { ChangePasswordInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

/** Changes the caller's password; their other sessions end. */
export function useChangePassword() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useMutation({
    mutationFn: (input: ChangePasswordInput) =>
      request(ChangePasswordMutation, { input }, { accessToken }).then((data) => data.changePassword),
  });
}
