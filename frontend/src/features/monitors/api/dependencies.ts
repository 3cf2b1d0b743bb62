import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { MonitorDependencyGraphQuery as MonitorDependencyGraphResult } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { MONITOR_POLL_MS, monitorsRootKey } from './get-monitors';

export const MonitorDependencyGraphQuery = graphql(`
  query MonitorDependencyGraph {
    monitorDependencyGraph {
      monitors {
        id
        name
        status
        dependencyDown
      }
      dependencies {
        monitorId
        dependsOnId
      }
    }
  }
`);

export const SetMonitorDependenciesMutation = graphql(`
  mutation SetMonitorDependencies($id: ID!, $dependsOn: [ID!]!) {
    setMonitorDependencies(id: $id, dependsOn: $dependsOn) {
      id
      dependencyDown
      dependsOn {
        id
        name
        status
        dependencyDown
      }
    }
  }
`);

export const DependencyMonitorOptionsQuery = graphql(`
  query DependencyMonitorOptions($text: String) {
    monitors(first: 100, filter: { text: $text }, orderBy: NAME) {
      nodes {
        id
        name
        target
        status
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export type DependencyGraph = MonitorDependencyGraphResult['monitorDependencyGraph'];
export type GraphMonitor = DependencyGraph['monitors'][number];

/** The most monitors one monitor may depend on (the server refuses more). */
export const MAX_DEPENDENCIES = 20;

/** Every monitor in a dependency and the edges between them, polled like the list. */
export function useMonitorDependencyGraph() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: [...monitorsRootKey(session?.tenant.id), 'dependency-graph'],
    queryFn: ({ signal }) => request(MonitorDependencyGraphQuery, {}, { signal, accessToken }),
    select: (data) => data.monitorDependencyGraph,
    enabled: accessToken !== null,
    refetchInterval: MONITOR_POLL_MS,
    retry: (failures, error) => errorCodeOf(error) !== 'FORBIDDEN' && failures < 1,
  });
}

/** Monitors to depend on (at most 100, A to Z, narrowed by `text` on the server). */
export function useDependencyMonitorOptions(text: string, enabled = true) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const search = text.trim() || null;
  return useQuery({
    queryKey: [...monitorsRootKey(session?.tenant.id), 'dependency-options', search],
    queryFn: ({ signal }) => request(DependencyMonitorOptionsQuery, { text: search }, { signal, accessToken }).then((d) => d.monitors),
    enabled: enabled && accessToken !== null,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
}

/**
 * Replaces what a monitor depends on (members and above). A cycle, the monitor itself or more
 * than 20 come back as a `BAD_USER_INPUT` field error on `dependsOn`.
 */
export function useSetMonitorDependencies(id: string) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dependsOn: readonly string[]) =>
      request(SetMonitorDependenciesMutation, { id, dependsOn: [...dependsOn] }, { accessToken }).then((d) => d.setMonitorDependencies),
    // Both ends change: this monitor's page, its parents' pages (their dependents) and the graph.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitorsRootKey(session?.tenant.id) }),
  });
}
