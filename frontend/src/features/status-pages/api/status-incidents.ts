import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getFragmentData, graphql } from '@/gql';
import type { CreateStatusIncidentInput, EditStatusIncidentInput, StatusIncidentFieldsFragment, StatusIncidentsQuery, StatusIncidentUpdateInput } from '@/gql/graphql';
import { errorCodeOf, request } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';
import { publicStatusPageKey } from './get-public-status-page';

export const StatusIncidentFields = graphql(`
  fragment StatusIncidentFields on StatusIncident {
    id
    pageId
    title
    status
    impact
    components {
      componentId
      name
      impact
    }
    updates {
      id
      status
      message
      createdAt
      editedAt
    }
    outageId
    startedAt
    resolvedAt
    createdAt
    updatedAt
  }
`);

export const StatusIncidentsDocument = graphql(`
  query StatusIncidents($pageId: ID!, $active: Boolean, $first: Int, $after: String) {
    statusIncidents(pageId: $pageId, active: $active, first: $first, after: $after) {
      nodes {
        id
        title
        status
        impact
        components {
          componentId
          name
          impact
        }
        outageId
        startedAt
        resolvedAt
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const StatusIncidentDocument = graphql(`
  query StatusIncident($id: ID!) {
    statusIncident(id: $id) {
      ...StatusIncidentFields
    }
  }
`);

export const CreateStatusIncidentDocument = graphql(`
  mutation CreateStatusIncident($pageId: ID!, $input: CreateStatusIncidentInput!) {
    createStatusIncident(pageId: $pageId, input: $input) {
      ...StatusIncidentFields
    }
  }
`);

export const PostStatusIncidentUpdateDocument = graphql(`
  mutation PostStatusIncidentUpdate($id: ID!, $input: StatusIncidentUpdateInput!) {
    postStatusIncidentUpdate(id: $id, input: $input) {
      ...StatusIncidentFields
    }
  }
`);

export const EditStatusIncidentDocument = graphql(`
  mutation EditStatusIncident($id: ID!, $input: EditStatusIncidentInput!) {
    editStatusIncident(id: $id, input: $input) {
      ...StatusIncidentFields
    }
  }
`);

export const EditStatusIncidentUpdateDocument = graphql(`
  mutation EditStatusIncidentUpdate($id: ID!, $message: String!) {
    editStatusIncidentUpdate(id: $id, message: $message) {
      ...StatusIncidentFields
    }
  }
`);

export const DeleteStatusIncidentDocument = graphql(`
  mutation DeleteStatusIncident($id: ID!) {
    deleteStatusIncident(id: $id)
  }
`);

/** An incident as its organization manages it, with its whole timeline (oldest update first). */
export type ManagedIncident = StatusIncidentFieldsFragment;
/** An incident in a page's list (no timeline). */
export type IncidentSummary = StatusIncidentsQuery['statusIncidents']['nodes'][number];

/** Resolved incidents per page of the list. */
export const RESOLVED_PAGE_SIZE = 25;

function useAuth() {
  const { session } = useSession();
  return { accessToken: session?.accessToken ?? null, tenantId: session?.tenant.id };
}

function incidentsKey(tenantId: string | undefined, pageId: string) {
  return ['status-incidents', tenantId, pageId] as const;
}

export function statusIncidentKey(tenantId: string | undefined, id: string) {
  return ['status-incident', tenantId, id] as const;
}

const retry = (failures: number, error: Error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1;

/** A page's open incidents (at most 100), newest first. */
export function useOpenStatusIncidents(pageId: string) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...incidentsKey(tenantId, pageId), 'open'],
    queryFn: ({ signal }) =>
      request(StatusIncidentsDocument, { pageId, active: true, first: 100, after: null }, { signal, accessToken }).then((d) => d.statusIncidents.nodes),
    enabled: accessToken !== null,
    retry,
  });
}

/** A page's resolved incidents, newest first, a page at a time ("Show older"). */
export function useResolvedStatusIncidents(pageId: string) {
  const { accessToken, tenantId } = useAuth();
  return useInfiniteQuery({
    queryKey: [...incidentsKey(tenantId, pageId), 'resolved'],
    queryFn: ({ signal, pageParam }) =>
      request(StatusIncidentsDocument, { pageId, active: false, first: RESOLVED_PAGE_SIZE, after: pageParam }, { signal, accessToken }).then(
        (d) => d.statusIncidents,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null),
    select: (data) => data.pages.flatMap((page) => page.nodes),
    enabled: accessToken !== null,
    retry,
  });
}

/** One incident with its timeline. */
export function useStatusIncident(id: string) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: statusIncidentKey(tenantId, id),
    queryFn: ({ signal }) => request(StatusIncidentDocument, { id }, { signal, accessToken }).then((d) => getFragmentData(StatusIncidentFields, d.statusIncident)),
    enabled: accessToken !== null,
    retry,
  });
}

/**
 * After a change: the incident as the server returned it goes into the cache, the page's lists
 * and the public view (which the editor's preview of a page may show) are asked again.
 */
function useSaved() {
  const { tenantId } = useAuth();
  const queryClient = useQueryClient();
  return (incident: ManagedIncident) => {
    queryClient.setQueryData(statusIncidentKey(tenantId, incident.id), incident);
    void queryClient.invalidateQueries({ queryKey: publicStatusPageKey('').slice(0, 1) });
    return queryClient.invalidateQueries({ queryKey: incidentsKey(tenantId, incident.pageId) });
  };
}

/** Opens an incident with its first update; field errors name `title`, `message`, `components.<index>.componentId`. */
export function useCreateStatusIncident(pageId: string) {
  const { accessToken } = useAuth();
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: CreateStatusIncidentInput) =>
      request(CreateStatusIncidentDocument, { pageId, input }, { accessToken }).then((d) => getFragmentData(StatusIncidentFields, d.createStatusIncident)),
    onSuccess: saved,
  });
}

/** Adds an update; `RESOLVED` resolves the incident, another status reopens it. A field error names `message`. */
export function usePostStatusIncidentUpdate(id: string) {
  const { accessToken } = useAuth();
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: StatusIncidentUpdateInput) =>
      request(PostStatusIncidentUpdateDocument, { id, input }, { accessToken }).then((d) => getFragmentData(StatusIncidentFields, d.postStatusIncidentUpdate)),
    onSuccess: saved,
  });
}

/** Changes the title and the affected components (the whole list). */
export function useEditStatusIncident(id: string) {
  const { accessToken } = useAuth();
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: EditStatusIncidentInput) =>
      request(EditStatusIncidentDocument, { id, input }, { accessToken }).then((d) => getFragmentData(StatusIncidentFields, d.editStatusIncident)),
    onSuccess: saved,
  });
}

/** Corrects one update's message (`updateId`); a field error names `message`. */
export function useEditStatusIncidentUpdate() {
  const { accessToken } = useAuth();
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ updateId, message }: { updateId: string; message: string }) =>
      request(EditStatusIncidentUpdateDocument, { id: updateId, message }, { accessToken }).then((d) =>
        getFragmentData(StatusIncidentFields, d.editStatusIncidentUpdate),
      ),
    onSuccess: saved,
  });
}

/** Deletes an incident and its timeline. */
export function useDeleteStatusIncident(pageId: string) {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteStatusIncidentDocument, { id }, { accessToken }).then((d) => d.deleteStatusIncident),
    onSuccess: (id) => {
      queryClient.removeQueries({ queryKey: statusIncidentKey(tenantId, id) });
      void queryClient.invalidateQueries({ queryKey: publicStatusPageKey('').slice(0, 1) });
      return queryClient.invalidateQueries({ queryKey: incidentsKey(tenantId, pageId) });
    },
  });
}
