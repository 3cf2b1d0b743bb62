import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { MONITOR_POLL_MS, monitorsRootKey } from './get-monitors';

export const MonitorQuery = graphql(`
  query Monitor($id: ID!) {
    monitor(id: $id) {
      id
      name
      kind
      target
      status
      tags
      intervalSeconds
      timeoutSeconds
      failureThreshold
      recoveryThreshold
      failureWindowSeconds
      degradedResponseMs
      flapThreshold
      flapWindowSeconds
      flappingSince
      escalationPolicy {
        id
        name
      }
      lastCheckedAt
      lastDurationMs
      lastError
      statusChangedAt
      nextCheckAt
      lastPingAt
      createdAt
      pingUrl
      heartbeat {
        graceSeconds
        cron
        timeZone
      }
      inMaintenance
      dependencyDown
      dependsOn {
        id
        name
        status
        dependencyDown
      }
      dependents {
        id
        name
        status
        dependencyDown
      }
      day: uptime(period: DAY) {
        checks
        failures
        uptimePercent
        p50Ms
        p95Ms
      }
      week: uptime(period: WEEK) {
        checks
        failures
        uptimePercent
        p50Ms
        p95Ms
      }
      month: uptime(period: MONTH) {
        checks
        failures
        uptimePercent
        p50Ms
        p95Ms
      }
      quarter: uptime(period: QUARTER) {
        checks
        failures
        uptimePercent
        p50Ms
        p95Ms
      }
      dailyUptime(days: 90) {
        date
        stats {
          checks
          failures
          uptimePercent
        }
      }
      recentChecks(first: 60) {
        id
        checkedAt
        status
        durationMs
        dnsMs
        connectMs
        tlsMs
        firstByteMs
        statusCode
        error
      }
      incidents(first: 20) {
        id
        openedAt
        resolvedAt
        cause
        suppressed
        acknowledgedAt
        acknowledgedBy
        timeline {
          at
          kind
          message
        }
        causedBy {
          id
          monitorId
          monitorName
        }
      }
    }
  }
`);

export function monitorQueryKey(tenantId: string | undefined, id: string) {
  return [...monitorsRootKey(tenantId), 'one', id] as const;
}

/** One monitor with its latest checks and incidents, polled every 10 s. */
export function useMonitor(id: string) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: monitorQueryKey(session?.tenant.id, id),
    queryFn: ({ signal }) => request(MonitorQuery, { id }, { signal, accessToken }),
    select: (data) => data.monitor,
    enabled: accessToken !== null,
    refetchInterval: MONITOR_POLL_MS,
    retry: (failures, error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1,
  });
}
