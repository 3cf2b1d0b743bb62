import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const AcknowledgeIncidentDocument = graphql(`
  mutation AcknowledgeIncident($id: ID!) {
    acknowledgeIncident(id: $id) {
      id
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

/** Members and above: stops an open outage's escalation (acknowledging twice is fine). */
export function useAcknowledgeIncident() {
  const { session } = useSession();
  const accessToken = session?.accessToken ?? null;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(AcknowledgeIncidentDocument, { id }, { accessToken }).then((d) => d.acknowledgeIncident),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incidents', session?.tenant.id] }),
  });
}
