import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { monitorsRootKey } from './get-monitors';

export const MonitorEscalationOptionsDocument = graphql(`
  query MonitorEscalationOptions {
    escalationPolicies {
      id
      name
    }
  }
`);

export const SetMonitorEscalationPolicyDocument = graphql(`
  mutation SetMonitorEscalationPolicy($id: ID!, $policyId: ID) {
    setMonitorEscalationPolicy(id: $id, policyId: $policyId) {
      id
      escalationPolicy {
        id
        name
      }
    }
  }
`);

export const AcknowledgeMonitorIncidentDocument = graphql(`
  mutation AcknowledgeMonitorIncident($id: ID!) {
    acknowledgeIncident(id: $id) {
      id
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

/** The organization's escalation policies, to choose a monitor's. */
export function useEscalationOptions(enabled: boolean) {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  return useQuery({
    queryKey: [...monitorsRootKey(session?.tenant.id), 'escalation-options'],
    queryFn: ({ signal }) => request(MonitorEscalationOptionsDocument, {}, { signal, accessToken }).then((d) => d.escalationPolicies),
    enabled: enabled && accessToken !== null,
    staleTime: 30_000,
  });
}

function useInvalidateMonitors() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  return { accessToken: session?.accessToken ?? null, invalidate: () => queryClient.invalidateQueries({ queryKey: monitorsRootKey(session?.tenant.id) }) };
}

/** Members and above; `null` leaves the monitor to the channels' routing. */
export function useSetMonitorEscalationPolicy(id: string) {
  const { accessToken, invalidate } = useInvalidateMonitors();
  return useMutation({
    mutationFn: (policyId: string | null) => request(SetMonitorEscalationPolicyDocument, { id, policyId }, { accessToken }).then((d) => d.setMonitorEscalationPolicy),
    onSuccess: invalidate,
  });
}

/** Members and above: stops an open outage's escalation (acknowledging twice is fine). */
export function useAcknowledgeMonitorIncident() {
  const { accessToken, invalidate } = useInvalidateMonitors();
  return useMutation({
    mutationFn: (incidentId: string) => request(AcknowledgeMonitorIncidentDocument, { id: incidentId }, { accessToken }).then((d) => d.acknowledgeIncident),
    onSuccess: invalidate,
  });
}
