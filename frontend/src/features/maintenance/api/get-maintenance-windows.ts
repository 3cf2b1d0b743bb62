import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const MaintenanceWindowsQuery = graphql(`
  query MaintenanceWindows {
    maintenanceWindows {
      id
      name
      monitorId
      tag
      startsAt
      endsAt
      cron
      durationMinutes
      timeZone
      activeNow
      nextStart
      createdAt
    }
  }
`);

export type MaintenanceWindowRow = NonNullable<ReturnType<typeof useMaintenanceWindows>['data']>[number];

/** How often the list asks again, so "Active now" follows the clock. */
export const MAINTENANCE_POLL_MS = 30_000;

export function maintenanceRootKey(tenantId: string | undefined) {
  return ['maintenance', tenantId] as const;
}

/** The organization's maintenance windows, oldest first. */
export function useMaintenanceWindows() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: [...maintenanceRootKey(session?.tenant.id), 'windows'],
    queryFn: ({ signal }) => request(MaintenanceWindowsQuery, {}, { signal, accessToken }),
    select: (data) => data.maintenanceWindows,
    enabled: accessToken !== null,
    refetchInterval: MAINTENANCE_POLL_MS,
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}
