import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

/** Ends this browser's session on the server and clears the refresh cookie. */
export function logOut(accessToken: string | null): Promise<boolean> {
  return request(LogOutMutation, {}, { accessToken }).then((data) => data.logOut);
}
