import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { EscalationPolicyInput, EscalationPolicyQuery } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { alertsRootKey } from './alert-channels';

export const EscalationPoliciesDocument = graphql(`
  query EscalationPolicies {
    escalationPolicies {
      id
      name
      steps {
        waitMinutes
        channels {
          id
          name
          kind
        }
      }
      repeatEveryMinutes
      monitorCount
      updatedAt
    }
  }
`);

export const EscalationPolicyDocument = graphql(`
  query EscalationPolicy($id: ID!) {
    escalationPolicy(id: $id) {
      id
      name
      steps {
        waitMinutes
        channels {
          id
          name
          kind
        }
      }
      repeatEveryMinutes
      monitorCount
      createdAt
      updatedAt
    }
  }
`);

export const CreateEscalationPolicyDocument = graphql(`
  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {
    createEscalationPolicy(input: $input) {
      id
      name
    }
  }
`);

export const UpdateEscalationPolicyDocument = graphql(`
  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {
    updateEscalationPolicy(id: $id, input: $input) {
      id
      name
      steps {
        waitMinutes
        channels {
          id
          name
          kind
        }
      }
      repeatEveryMinutes
      monitorCount
      createdAt
      updatedAt
    }
  }
`);

export const DeleteEscalationPolicyDocument = graphql(`
  mutation DeleteEscalationPolicy($id: ID!) {
    deleteEscalationPolicy(id: $id) {
      id
      name
    }
  }
`);

export type EscalationPolicyDetail = EscalationPolicyQuery['escalationPolicy'];

function useAuth() {
  const { session } = useSession();
  return { accessToken: session?.accessToken ?? null, tenantId: session?.tenant.id };
}

function escalationKey(tenantId: string | undefined) {
  return [...alertsRootKey(tenantId), 'escalation'] as const;
}

const retry = (failures: number, error: Error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1;

/** The organization's escalation policies. Viewers and above. */
export function useEscalationPolicies() {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...escalationKey(tenantId), 'list'],
    queryFn: ({ signal }) => request(EscalationPoliciesDocument, {}, { signal, accessToken }).then((d) => d.escalationPolicies),
    enabled: accessToken !== null,
    retry,
  });
}

/** One policy (read once: a refetch must not overwrite the editor). */
export function useEscalationPolicy(id: string) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...escalationKey(tenantId), 'one', id],
    queryFn: ({ signal }) => request(EscalationPolicyDocument, { id }, { signal, accessToken }).then((d) => d.escalationPolicy),
    enabled: accessToken !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry,
  });
}

/** Admins and owners; field errors name `name`, `steps[i].waitMinutes`, `steps[i].channelIds`, `repeatEveryMinutes`. */
export function useCreateEscalationPolicy() {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationPolicyInput) => request(CreateEscalationPolicyDocument, { input }, { accessToken }).then((d) => d.createEscalationPolicy),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...escalationKey(tenantId), 'list'] }),
  });
}

export function useUpdateEscalationPolicy(id: string) {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationPolicyInput) => request(UpdateEscalationPolicyDocument, { id, input }, { accessToken }).then((d) => d.updateEscalationPolicy),
    onSuccess: (saved) => {
      queryClient.setQueryData([...escalationKey(tenantId), 'one', id], saved);
      return queryClient.invalidateQueries({ queryKey: [...escalationKey(tenantId), 'list'] });
    },
  });
}

/** Monitors that used it go back to routing only. */
export function useDeleteEscalationPolicy() {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteEscalationPolicyDocument, { id }, { accessToken }).then((d) => d.deleteEscalationPolicy),
    onSuccess: (deleted) => {
      queryClient.removeQueries({ queryKey: [...escalationKey(tenantId), 'one', deleted.id] });
      return queryClient.invalidateQueries({ queryKey: [...escalationKey(tenantId), 'list'] });
    },
  });
}
