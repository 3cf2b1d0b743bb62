import { useMutation, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';

export const SubscribeToStatusPageDocument = graphql(`
  mutation SubscribeToStatusPage($slug: String!, $email: String!, $componentIds: [ID!]!, $accessToken: String) {
    subscribeToStatusPage(slug: $slug, email: $email, componentIds: $componentIds, accessToken: $accessToken) {
      message
    }
  }
`);

export const StatusSubscriptionDocument = graphql(`
  query StatusSubscription($token: String!) {
    statusSubscription(token: $token) {
      pageTitle
      pagePath
      email
      confirmed
      components
    }
  }
`);

export const ConfirmStatusSubscriptionDocument = graphql(`
  mutation ConfirmStatusSubscription($token: String!) {
    confirmStatusSubscription(token: $token)
  }
`);

export const UnsubscribeFromStatusPageDocument = graphql(`
  mutation UnsubscribeFromStatusPage($token: String!) {
    unsubscribeFromStatusPage(token: $token)
  }
`);

export interface SubscribeInput {
  /** The page's path on this host (`""`: the default page). */
  slug: string;
  email: string;
  /** `PublicComponent.id`s; empty for every component of the page. */
  componentIds: string[];
  /** The visitor's grant for a restricted page (see `usePageAccess`); omitted for a public one. */
  accessToken?: string | null;
}

/**
 * Subscribes an address to a page of this host's organization (no login). The answer is the
 * same whatever the address's state; field errors name `email` or `componentIds`; the server
 * limits attempts per client and per address (`RATE_LIMITED` with `retryAfter`). A restricted
 * page needs the visitor's grant, else `STATUS_PAGE_LOCKED`.
 */
export function useSubscribeToStatusPage() {
  return useMutation({
    mutationFn: ({ accessToken, ...input }: SubscribeInput) =>
      request(SubscribeToStatusPageDocument, { ...input, accessToken: accessToken ?? undefined }).then((d) => d.subscribeToStatusPage),
  });
}

/** Confirms a subscription with its emailed token; `false` for an unknown, expired or replaced link. */
export function useConfirmStatusSubscription() {
  return useMutation({
    mutationFn: (token: string) => request(ConfirmStatusSubscriptionDocument, { token }).then((d) => d.confirmStatusSubscription),
  });
}

/** Ends a subscription with the token its emails carry; `false` when it had already ended. */
export function useUnsubscribeFromStatusPage() {
  return useMutation({
    mutationFn: (token: string) => request(UnsubscribeFromStatusPageDocument, { token }).then((d) => d.unsubscribeFromStatusPage),
  });
}

/**
 * The subscription an emailed link's token names, as its holder sees it (page, address, chosen
 * components); `null` for an unknown, replaced or ended one. Only reads: the link pages act
 * on a button, since mail scanners open every link in a message.
 */
export function useStatusSubscription(token: string) {
  return useQuery({
    queryKey: ['status-subscription', token],
    queryFn: ({ signal }) => request(StatusSubscriptionDocument, { token }, { signal }).then((d) => d.statusSubscription ?? null),
    enabled: token !== '',
    retry: 1,
    // What it shows changes only by this page's own buttons.
    staleTime: Infinity,
  });
}
