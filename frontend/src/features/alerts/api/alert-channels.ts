import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AlertChannelInput, AlertChannelQuery, AlertDeliveriesQuery, AlertRouteEvent, AlertRoutingInput } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const AlertChannelsDocument = graphql(`
  query AlertChannels {
    alertChannels {
      id
      name
      kind
      url
      recipient
      addresses
      hasSecret
      routing {
        allMonitors
        monitorIds
        tags
        events
      }
      createdAt
    }
  }
`);

export const AlertChannelDocument = graphql(`
  query AlertChannel($id: ID!) {
    alertChannel(id: $id) {
      id
      name
      kind
      url
      recipient
      priority
      addresses
      hasSecret
      previousSecretValidUntil
      titleTemplate
      bodyTemplate
      routing {
        allMonitors
        monitorIds
        tags
        events
      }
      createdAt
      updatedAt
    }
  }
`);

export const AlertDeliveriesDocument = graphql(`
  query AlertDeliveries($channelId: ID!, $first: Int, $after: String) {
    alertDeliveries(channelId: $channelId, first: $first, after: $after) {
      nodes {
        id
        event
        type
        status
        monitorId
        attempts
        maxAttempts
        lastStatusCode
        lastError
        nextAttemptAt
        deliveredAt
        createdAt
        attemptLog {
          attempt
          statusCode
          error
          durationMs
          at
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateAlertChannelDocument = graphql(`
  mutation CreateAlertChannel($input: AlertChannelInput!) {
    createAlertChannel(input: $input) {
      channel {
        id
        name
        kind
      }
      signingSecret
    }
  }
`);

export const UpdateAlertChannelDocument = graphql(`
  mutation UpdateAlertChannel($id: ID!, $input: AlertChannelInput!) {
    updateAlertChannel(id: $id, input: $input) {
      id
      name
      url
      recipient
      priority
      addresses
      hasSecret
      titleTemplate
      bodyTemplate
      updatedAt
    }
  }
`);

export const PreviewAlertMessageDocument = graphql(`
  query PreviewAlertMessage($titleTemplate: String, $bodyTemplate: String, $event: AlertRouteEvent!) {
    previewAlertMessage(titleTemplate: $titleTemplate, bodyTemplate: $bodyTemplate, event: $event) {
      title
      body
    }
  }
`);

export const DeleteAlertChannelDocument = graphql(`
  mutation DeleteAlertChannel($id: ID!) {
    deleteAlertChannel(id: $id)
  }
`);

export const RotateAlertChannelSigningSecretDocument = graphql(`
  mutation RotateAlertChannelSigningSecret($id: ID!) {
    rotateAlertChannelSigningSecret(id: $id) {
      channel {
        id
        previousSecretValidUntil
      }
      signingSecret
    }
  }
`);

export const SetAlertChannelRoutingDocument = graphql(`
  mutation SetAlertChannelRouting($id: ID!, $input: AlertRoutingInput!) {
    setAlertChannelRouting(id: $id, input: $input) {
      id
      routing {
        allMonitors
        monitorIds
        tags
        events
      }
    }
  }
`);

export const TestAlertChannelDocument = graphql(`
  mutation TestAlertChannel($id: ID!) {
    testAlertChannel(id: $id) {
      id
      status
    }
  }
`);

export const RequeueAlertDeliveryDocument = graphql(`
  mutation RequeueAlertDelivery($id: ID!) {
    requeueAlertDelivery(id: $id) {
      id
      status
    }
  }
`);

export const AlertMonitorOptionsDocument = graphql(`
  query AlertMonitorOptions($text: String) {
    monitors(first: 100, filter: { text: $text }) {
      nodes {
        id
        name
        target
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const AlertMonitorNameDocument = graphql(`
  query AlertMonitorName($id: ID!) {
    monitor(id: $id) {
      id
      name
    }
  }
`);

export type AlertChannelDetail = AlertChannelQuery['alertChannel'];
export type AlertDeliveryRow = AlertDeliveriesQuery['alertDeliveries']['nodes'][number];

/** How often the delivery log asks again while a delivery is queued or being sent. */
export const DELIVERY_POLL_MS = 3_000;
/** Deliveries shown on a channel's page. */
export const DELIVERY_PAGE_SIZE = 25;

export function alertsRootKey(tenantId: string | undefined) {
  return ['alerts', tenantId] as const;
}

function useAuth() {
  const { session } = useSession();
  return { accessToken: session?.accessToken ?? null, tenantId: session?.tenant.id };
}

const retry = (failures: number, error: Error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1;

/** The organization's channels, oldest first. */
export function useAlertChannels() {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...alertsRootKey(tenantId), 'list'],
    queryFn: ({ signal }) => request(AlertChannelsDocument, {}, { signal, accessToken }).then((d) => d.alertChannels),
    enabled: accessToken !== null,
    retry,
  });
}

/** One channel (its secrets are never returned: `hasSecret` says one is stored). */
export function useAlertChannel(id: string) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...alertsRootKey(tenantId), 'channel', id],
    queryFn: ({ signal }) => request(AlertChannelDocument, { id }, { signal, accessToken }).then((d) => d.alertChannel),
    enabled: accessToken !== null,
    retry,
  });
}

/** Whether a delivery is still on its way (the log polls while one is). */
export function isInFlight(delivery: Pick<AlertDeliveryRow, 'status'>): boolean {
  return delivery.status === 'QUEUED' || delivery.status === 'RUNNING';
}

/** A channel's latest deliveries, newest first; polled every 3 s while one is queued or running. */
export function useAlertDeliveries(channelId: string) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...alertsRootKey(tenantId), 'deliveries', channelId],
    queryFn: ({ signal }) =>
      request(AlertDeliveriesDocument, { channelId, first: DELIVERY_PAGE_SIZE }, { signal, accessToken }).then((d) => d.alertDeliveries),
    enabled: accessToken !== null,
    retry,
    refetchInterval: (query) => (query.state.data?.nodes.some(isInFlight) ? DELIVERY_POLL_MS : false),
  });
}

function useInvalidate() {
  const { tenantId } = useAuth();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: alertsRootKey(tenantId) });
}

/** Creates a channel (admins and owners); a webhook's signing secret is in the answer, once. */
export function useCreateAlertChannel() {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AlertChannelInput) => request(CreateAlertChannelDocument, { input }, { accessToken }).then((d) => d.createAlertChannel),
    onSuccess: invalidate,
  });
}

/** Changes a channel's settings (its kind stays); omitted secrets are kept. */
export function useUpdateAlertChannel(id: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AlertChannelInput) => request(UpdateAlertChannelDocument, { id, input }, { accessToken }).then((d) => d.updateAlertChannel),
    onSuccess: invalidate,
  });
}

/** Deletes a channel with its routes and deliveries. */
export function useDeleteAlertChannel() {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteAlertChannelDocument, { id }, { accessToken }).then((d) => d.deleteAlertChannel),
    onSuccess: (id) => {
      queryClient.removeQueries({ queryKey: [...alertsRootKey(tenantId), 'channel', id] });
      queryClient.removeQueries({ queryKey: [...alertsRootKey(tenantId), 'deliveries', id] });
      return queryClient.invalidateQueries({ queryKey: [...alertsRootKey(tenantId), 'list'] });
    },
  });
}

/** A webhook's new signing secret (shown once); the previous one signs beside it for 24 h. */
export function useRotateSigningSecret(id: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => request(RotateAlertChannelSigningSecretDocument, { id }, { accessToken }).then((d) => d.rotateAlertChannelSigningSecret),
    onSuccess: invalidate,
  });
}

/** Which monitors notify the channel, for which events. */
export function useSetRouting(id: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AlertRoutingInput) => request(SetAlertChannelRoutingDocument, { id, input }, { accessToken }).then((d) => d.setAlertChannelRouting),
    onSuccess: invalidate,
  });
}

/** Queues a test message (members and above); the log then shows it. */
export function useTestAlertChannel(id: string) {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(TestAlertChannelDocument, { id }, { accessToken }).then((d) => d.testAlertChannel),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...alertsRootKey(tenantId), 'deliveries', id] }),
  });
}

/** Sends a dead delivery again with fresh attempts (members and above). */
export function useRequeueDelivery(channelId: string) {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => request(RequeueAlertDeliveryDocument, { id: deliveryId }, { accessToken }).then((d) => d.requeueAlertDelivery),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...alertsRootKey(tenantId), 'deliveries', channelId] }),
  });
}

/** Monitors to route to a channel (at most 100, narrowed by `text` on the server). */
export function useAlertMonitorOptions(text: string, enabled = true) {
  const { accessToken, tenantId } = useAuth();
  const search = text.trim() || null;
  return useQuery({
    queryKey: [...alertsRootKey(tenantId), 'monitor-options', search],
    queryFn: ({ signal }) => request(AlertMonitorOptionsDocument, { text: search }, { signal, accessToken }).then((d) => d.monitors),
    enabled: enabled && accessToken !== null,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
}

/** The names of routed monitors, by id (missing while loading or when deleted). */
export function useMonitorNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const { accessToken, tenantId } = useAuth();
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: [...alertsRootKey(tenantId), 'monitor-name', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => request(AlertMonitorNameDocument, { id }, { signal, accessToken }),
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

export interface MessageTemplates {
  titleTemplate: string;
  bodyTemplate: string;
}

/**
 * The alert as `templates` would word it for a sample `event` (ask with debounced templates).
 * The last answer stays while the next loads; a template error is a field error on
 * `titleTemplate` or `bodyTemplate`.
 */
export function useAlertMessagePreview(templates: MessageTemplates, event: AlertRouteEvent, enabled = true) {
  const { accessToken, tenantId } = useAuth();
  const titleTemplate = templates.titleTemplate.trim() === '' ? null : templates.titleTemplate;
  const bodyTemplate = templates.bodyTemplate.trim() === '' ? null : templates.bodyTemplate;
  return useQuery({
    queryKey: [...alertsRootKey(tenantId), 'preview', event, titleTemplate, bodyTemplate],
    queryFn: ({ signal }) =>
      request(PreviewAlertMessageDocument, { titleTemplate, bodyTemplate, event }, { signal, accessToken }).then((d) => d.previewAlertMessage),
    enabled: enabled && accessToken !== null,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
    retry: false,
  });
}

export const AlertMonitorTagsDocument = graphql(`
  query AlertMonitorTags {
    monitorTags
  }
`);

/** The tags the organization's monitors use, A to Z (to route a channel by tag). */
export function useAlertMonitorTags(enabled = true) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...alertsRootKey(tenantId), 'monitor-tags'],
    queryFn: ({ signal }) => request(AlertMonitorTagsDocument, {}, { signal, accessToken }).then((d) => d.monitorTags),
    enabled: enabled && accessToken !== null,
    staleTime: 30_000,
  });
}
