import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { PublicStatusPageQuery } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';

export const PublicStatusPageDocument = graphql(`
  query PublicStatusPage($slug: String!) {
    publicStatusPage(slug: $slug) {
      organization
      title
      description
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
        }
        responseMs
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

export type PublicPage = NonNullable<PublicStatusPageQuery['publicStatusPage']>;
export type PublicComponentData = PublicPage['components'][number];
export type PublicDayData = PublicComponentData['days'][number];
export type PublicOutageData = PublicPage['activeOutages'][number];
export type PublicMaintenanceData = PublicPage['maintenance'][number];

/**
 * How often a visitor's page asks again. The server caches the view for up to a minute and
 * clears it on a status change, so 30 s shows an outage within half a minute of it starting.
 */
export const PUBLIC_PAGE_POLL_MS = 30_000;

export function publicStatusPageKey(slug: string) {
  return ['public-status-page', slug] as const;
}

/**
 * The public page at `slug` of the organization whose host this is (`""`: its default page);
 * `null` when there is none. Needs no login; polled, also in a background tab, so a wall
 * display keeps up during an outage.
 */
export function usePublicStatusPage(slug: string, enabled = true) {
  return useQuery({
    queryKey: publicStatusPageKey(slug),
    queryFn: ({ signal }) => request(PublicStatusPageDocument, { slug }, { signal }).then((d) => d.publicStatusPage ?? null),
    enabled,
    refetchInterval: PUBLIC_PAGE_POLL_MS,
    refetchIntervalInBackground: true,
    retry: 2,
  });
}
