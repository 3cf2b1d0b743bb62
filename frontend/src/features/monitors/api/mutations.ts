import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { CreateMonitorInput, UpdateMonitorInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { monitorQueryKey } from './get-monitor';
import { monitorsRootKey } from './get-monitors';

export const CreateMonitorMutation = graphql(`
  mutation CreateMonitor($input: CreateMonitorInput!) {
    createMonitor(input: $input) {
      id
      name
    }
  }
`);

export const UpdateMonitorMutation = graphql(`
  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {
    updateMonitor(id: $id, input: $input) {
      id
      name
    }
  }
`);

export const PauseMonitorMutation = graphql(`
  mutation PauseMonitor($id: ID!) {
    pauseMonitor(id: $id) {
      id
      status
    }
  }
`);

export const ResumeMonitorMutation = graphql(`
  mutation ResumeMonitor($id: ID!) {
    resumeMonitor(id: $id) {
      id
      status
    }
  }
`);

export const DuplicateMonitorMutation = graphql(`
  mutation DuplicateMonitor($id: ID!) {
    duplicateMonitor(id: $id) {
      id
      name
    }
  }
`);

export const DeleteMonitorMutation = graphql(`
  mutation DeleteMonitor($id: ID!) {
    deleteMonitor(id: $id) {
      id
      name
    }
  }
`);

function useMonitorsInvalidation() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  return {
    accessToken: session?.accessToken ?? null,
    invalidate: () => queryClient.invalidateQueries({ queryKey: monitorsRootKey(session?.tenant.id) }),
  };
}

/** Creates a monitor (members and above); field errors come back as `BAD_USER_INPUT`. */
export function useCreateMonitor() {
  const { accessToken, invalidate } = useMonitorsInvalidation();
  return useMutation({
    mutationFn: (input: CreateMonitorInput) => request(CreateMonitorMutation, { input }, { accessToken }).then((d) => d.createMonitor),
    onSuccess: invalidate,
  });
}

/** Changes a monitor (members and above); field errors come back as `BAD_USER_INPUT`. */
export function useUpdateMonitor(id: string) {
  const { accessToken, invalidate } = useMonitorsInvalidation();
  return useMutation({
    mutationFn: (input: UpdateMonitorInput) => request(UpdateMonitorMutation, { id, input }, { accessToken }).then((d) => d.updateMonitor),
    onSuccess: invalidate,
  });
}

export function usePauseMonitor() {
  const { accessToken, invalidate } = useMonitorsInvalidation();
  return useMutation({
    mutationFn: (id: string) => request(PauseMonitorMutation, { id }, { accessToken }).then((d) => d.pauseMonitor),
    onSuccess: invalidate,
  });
}

export function useResumeMonitor() {
  const { accessToken, invalidate } = useMonitorsInvalidation();
  return useMutation({
    mutationFn: (id: string) => request(ResumeMonitorMutation, { id }, { accessToken }).then((d) => d.resumeMonitor),
    onSuccess: invalidate,
  });
}

export function useDuplicateMonitor() {
  const { accessToken, invalidate } = useMonitorsInvalidation();
  return useMutation({
    mutationFn: (id: string) => request(DuplicateMonitorMutation, { id }, { accessToken }).then((d) => d.duplicateMonitor),
    onSuccess: invalidate,
  });
}

/** Deletes a monitor; its own page's query is dropped (asking again would be `NOT_FOUND`). */
export function useDeleteMonitor() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteMonitorMutation, { id }, { accessToken }).then((d) => d.deleteMonitor),
    onSuccess: (deleted) => {
      queryClient.removeQueries({ queryKey: monitorQueryKey(session?.tenant.id, deleted.id) });
      return queryClient.invalidateQueries({ queryKey: [...monitorsRootKey(session?.tenant.id), 'list'] });
    },
  });
}
