import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { monitorsRootKey } from './get-monitors';

export const MonitorSettingsQuery = graphql(`
  query MonitorSettings($id: ID!) {
    monitor(id: $id) {
      id
      name
      kind
      tags
      intervalSeconds
      timeoutSeconds
      retryIntervalSeconds
      failureThreshold
      recoveryThreshold
      failureWindowSeconds
      flapThreshold
      flapWindowSeconds
      degradedResponseMs
      http {
        url
        method
        headers {
          name
          value
        }
        body
        expectedStatus
        followRedirects
        verifyTls
        keyword
        keywordAbsent
        jsonPath
        jsonComparison
        jsonValue
        tlsWarnDays
      }
      tcp {
        host
        port
      }
      dns {
        name
        recordType
        expected
      }
      tls {
        host
        port
        warnDays
      }
      heartbeat {
        graceSeconds
        cron
        timeZone
      }
    }
  }
`);

export type MonitorSettings = NonNullable<ReturnType<typeof useMonitorSettings>['data']>;

export function monitorSettingsQueryKey(tenantId: string | undefined, id: string) {
  return [...monitorsRootKey(tenantId), 'settings', id] as const;
}

/**
 * Everything the edit form shows, read once (no polling: a refetch must not overwrite what the
 * user is typing).
 */
export function useMonitorSettings(id: string) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: monitorSettingsQueryKey(session?.tenant.id, id),
    queryFn: ({ signal }) => request(MonitorSettingsQuery, { id }, { signal, accessToken }),
    select: (data) => data.monitor,
    enabled: accessToken !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (failures, error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1,
  });
}
