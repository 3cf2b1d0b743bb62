import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { CreateMaintenanceWindowInput } from '@/gql/graphql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { maintenanceRootKey } from './get-maintenance-windows';

export const CreateMaintenanceWindowMutation = graphql(`
  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {
    createMaintenanceWindow(input: $input) {
      id
      name
    }
  }
`);

export const DeleteMaintenanceWindowMutation = graphql(`
  mutation DeleteMaintenanceWindow($id: ID!) {
    deleteMaintenanceWindow(id: $id) {
      id
      name
    }
  }
`);

function useInvalidation() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  return {
    accessToken: session?.accessToken ?? null,
    // Monitors show "In maintenance": their queries are refreshed too.
    invalidate: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: maintenanceRootKey(session?.tenant.id) }),
        queryClient.invalidateQueries({ queryKey: ['monitors', session?.tenant.id] }),
      ]),
  };
}

/** Schedules a window (members and above); field errors come back as `BAD_USER_INPUT`. */
export function useCreateMaintenanceWindow() {
  const { accessToken, invalidate } = useInvalidation();
  return useMutation({
    mutationFn: (input: CreateMaintenanceWindowInput) =>
      request(CreateMaintenanceWindowMutation, { input }, { accessToken }).then((d) => d.createMaintenanceWindow),
    onSuccess: invalidate,
  });
}

/** Ends and removes a window (members and above). */
export function useDeleteMaintenanceWindow() {
  const { accessToken, invalidate } = useInvalidation();
  return useMutation({
    mutationFn: (id: string) => request(DeleteMaintenanceWindowMutation, { id }, { accessToken }).then((d) => d.deleteMaintenanceWindow),
    onSuccess: invalidate,
  });
}
