import { useMutation } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AcceptInvitationInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      tenantSlug
      role
    }
  }
`);

/** Accepts an invitation from its link (anonymous): creates the account if needed, or checks its password. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) =>
      request(AcceptInvitationMutation, { input }).then((data) => data.acceptInvitation),
  });
}
