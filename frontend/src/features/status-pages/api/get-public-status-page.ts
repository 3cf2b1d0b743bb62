import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getFragmentData, graphql } from '@/gql';
import type { PublicIncidentFieldsFragment, PublicStatusPageQuery } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { pageLockOf } from './page-access';

export const PublicIncidentFields = graphql(`
  fragment PublicIncidentFields on PublicIncident {
    id
    title
    status
    impact
    components {
      name
      impact
    }
    updates {
      status
      message
      createdAt
    }
    startedAt
    resolvedAt
    updatedAt
  }
`);

export const PublicStatusPageDocument = graphql(`
  query PublicStatusPage($slug: String!, $accessToken: String) {
    publicStatusPage(slug: $slug, accessToken: $accessToken) {
      organization
      title
      description
      logoUrl
      faviconUrl
      status
      components {
        id
        name
        group
        status
        uptimePercent
        days {
          date
          uptimePercent
          downtimeSeconds
          outages
          incidents
        }
        responseMs
      }
      activeIncidents {
        ...PublicIncidentFields
      }
      incidentHistory {
        incidents {
          ...PublicIncidentFields
        }
        hasNextPage
        endCursor
      }
      activeOutages {
        components
        startedAt
        resolvedAt
      }
      recentOutages {
        components
        startedAt
        resolvedAt
      }
      maintenance {
        name
        components
        startsAt
        endsAt
        active
      }
      generatedAt
    }
  }
`);

export const PublicIncidentHistoryDocument = graphql(`
  query PublicIncidentHistory($slug: String!, $after: String, $accessToken: String) {
    publicStatusPage(slug: $slug, accessToken: $accessToken) {
      incidentHistory(after: $after) {
        incidents {
          ...PublicIncidentFields
        }
        hasNextPage
        endCursor
      }
    }
  }
`);

type RawPage = NonNullable<PublicStatusPageQuery['publicStatusPage']>;
/** An incident as visitors see it: its title, impact, affected components and timeline (oldest update first). */
export type PublicIncidentData = PublicIncidentFieldsFragment;
export interface PublicIncidentHistoryData {
  readonly incidents: readonly PublicIncidentData[];
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}
export type PublicPage = Omit<RawPage, 'activeIncidents' | 'incidentHistory'> & {
  readonly activeIncidents: readonly PublicIncidentData[];
  readonly incidentHistory: PublicIncidentHistoryData;
};
export type PublicComponentData = PublicPage['components'][number];
export type PublicDayData = PublicComponentData['days'][number];
export type PublicOutageData = PublicPage['activeOutages'][number];
export type PublicMaintenanceData = PublicPage['maintenance'][number];

function unmaskHistory(history: RawPage['incidentHistory']): PublicIncidentHistoryData {
  return { ...history, incidents: getFragmentData(PublicIncidentFields, history.incidents) };
}

function unmask(page: RawPage): PublicPage {
  return {
    ...page,
    activeIncidents: getFragmentData(PublicIncidentFields, page.activeIncidents),
    incidentHistory: unmaskHistory(page.incidentHistory),
  };
}

/**
 * How often a visitor's page asks again. The server caches the view for up to a minute and
 * clears it on a status change, so 30 s shows an outage within half a minute of it starting.
 */
export const PUBLIC_PAGE_POLL_MS = 30_000;

export function publicStatusPageKey(slug: string, accessToken: string | null = null) {
  return ['public-status-page', slug, accessToken] as const;
}

/** Retries what may pass on a second try, not a restricted page's refusal. */
function retryUnlessLocked(failures: number, error: Error): boolean {
  return pageLockOf(error) === null && failures < 2;
}

/**
 * The public page at `slug` of the organization whose host this is (`""`: its default page);
 * `null` when there is none. Needs no login; polled, also in a background tab, so a wall
 * display keeps up during an outage. A restricted page needs the visitor's grant
 * (`accessToken`); without a valid one the query fails with `STATUS_PAGE_LOCKED` (see
 * {@link pageLockOf}), and stops polling.
 */
export function usePublicStatusPage(slug: string, accessToken: string | null = null, enabled = true) {
  return useQuery({
    queryKey: publicStatusPageKey(slug, accessToken),
    queryFn: ({ signal }) =>
      request(PublicStatusPageDocument, { slug, accessToken: accessToken ?? undefined }, { signal }).then((d) =>
        d.publicStatusPage ? unmask(d.publicStatusPage) : null,
      ),
    enabled,
    refetchInterval: (query) => (pageLockOf(query.state.error) ? false : PUBLIC_PAGE_POLL_MS),
    refetchIntervalInBackground: true,
    retry: retryUnlessLocked,
  });
}

/**
 * Older pages of the incident history, after the first one the page itself brings (`after`:
 * its end cursor). Asks for nothing until `enabled` (the visitor's first "Show more").
 */
export function useMoreIncidentHistory(slug: string, after: string | null, enabled: boolean, accessToken: string | null = null) {
  return useInfiniteQuery({
    queryKey: [...publicStatusPageKey(slug, accessToken), 'history', after],
    queryFn: ({ signal, pageParam }) =>
      request(PublicIncidentHistoryDocument, { slug, after: pageParam, accessToken: accessToken ?? undefined }, { signal }).then((d) =>
        d.publicStatusPage ? unmaskHistory(d.publicStatusPage.incidentHistory) : { incidents: [], hasNextPage: false, endCursor: null },
      ),
    initialPageParam: after,
    getNextPageParam: (page) => (page.hasNextPage ? (page.endCursor ?? null) : null),
    enabled: enabled && after !== null,
    retry: 1,
  });
}
