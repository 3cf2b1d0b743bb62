import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { maintenanceRootKey } from './get-maintenance-windows';

export const MaintenanceMonitorOptionsQuery = graphql(`
  query MaintenanceMonitorOptions($text: String) {
    monitors(first: 100, filter: { text: $text }) {
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const MaintenanceTagOptionsQuery = graphql(`
  query MaintenanceTagOptions {
    monitorTags
  }
`);

/** The tags the organization's monitors use, to scope a window to one. */
export function useTagOptions(enabled: boolean) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: [...maintenanceRootKey(session?.tenant.id), 'tag-options'],
    queryFn: ({ signal }) => request(MaintenanceTagOptionsQuery, {}, { signal, accessToken }),
    select: (data) => data.monitorTags,
    enabled: enabled && accessToken !== null,
  });
}

export const MaintenanceMonitorNameQuery = graphql(`
  query MaintenanceMonitorName($id: ID!) {
    monitor(id: $id) {
      id
      name
    }
  }
`);

/** Monitors to choose from (at most 100, narrowed by `text` on the server). */
export function useMonitorOptions(text: string, enabled: boolean) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const search = text.trim() || null;
  return useQuery({
    queryKey: [...maintenanceRootKey(session?.tenant.id), 'monitor-options', search],
    queryFn: ({ signal }) => request(MaintenanceMonitorOptionsQuery, { text: search }, { signal, accessToken }),
    select: (data) => data.monitors,
    enabled: enabled && accessToken !== null,
    placeholderData: keepPreviousData,
  });
}

/** The names of the monitors windows cover, by id (missing while loading or when deleted). */
export function useMonitorNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: [...maintenanceRootKey(session?.tenant.id), 'monitor-name', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => request(MaintenanceMonitorNameQuery, { id }, { signal, accessToken }),
      enabled: accessToken !== null,
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    const id = unique[index];
    if (id && result.data) names.set(id, result.data.monitor.name);
  });
  return names;
}
