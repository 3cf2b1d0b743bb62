import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const LogOutEverywhereMutation = graphql(`
  mutation LogOutEverywhere {
    logOutEverywhere
  }
`);

/** Ends every session of the caller, in every organization; then forgets the local session. */
export function useLogOutEverywhere() {
  const { session, clear } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useMutation({
    mutationFn: () => request(LogOutEverywhereMutation, {}, { accessToken }).then((data) => data.logOutEverywhere),
    onSuccess: () => clear(),
  });
}
