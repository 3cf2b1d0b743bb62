import { useMutation, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AcknowledgeLinkQuery } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';

export const AcknowledgeLinkDocument = graphql(`
  query AcknowledgeLink($token: String!) {
    acknowledgeLink(token: $token) {
      monitorName
      organizationName
      openedAt
      resolvedAt
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

export const AcknowledgeWithLinkDocument = graphql(`
  mutation AcknowledgeWithLink($token: String!) {
    acknowledgeWithLink(token: $token) {
      monitorName
      organizationName
      openedAt
      resolvedAt
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

export type AcknowledgeLinkInfo = AcknowledgeLinkQuery['acknowledgeLink'];

/**
 * What an alert's acknowledge link is about (no login). Only reads: the page acknowledges on a
 * button, since mail scanners open every link in a message. An invalid or expired token is `NOT_FOUND`.
 */
export function useAcknowledgeLink(token: string) {
  return useQuery({
    queryKey: ['acknowledge-link', token],
    queryFn: ({ signal }) => request(AcknowledgeLinkDocument, { token }, { signal }).then((d) => d.acknowledgeLink),
    enabled: token !== '',
    retry: (failures, error) => errorCodeOf(error) !== 'NOT_FOUND' && failures < 1,
    staleTime: Infinity,
  });
}

/** Acknowledges the outage with the link's signed token. */
export function useAcknowledgeWithLink() {
  return useMutation({
    mutationFn: (token: string) => request(AcknowledgeWithLinkDocument, { token }).then((d) => d.acknowledgeWithLink),
  });
}
