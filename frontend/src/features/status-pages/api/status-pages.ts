import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { StatusPageAccessInput, StatusPageComponentInput, StatusPageImageKind, StatusPageInput, StatusPagesQuery } from '@/gql/graphql';
import { errorCodeOf, request, requestMultipart } from '@/lib/graphql-client';
import { useSession } from '@/lib/session';

export const StatusPagesDocument = graphql(`
  query StatusPages {
    statusPages {
      id
      slug
      title
      url
      components {
        monitorId
      }
      access {
        mode
      }
      updatedAt
    }
  }
`);

export const StatusPageDocument = graphql(`
  query StatusPage($id: ID!) {
    statusPage(id: $id) {
      id
      slug
      title
      description
      autoPublishOutages
      url
      logoUrl
      faviconUrl
      components {
        id
        monitorId
        name
        group
      }
      domains {
        id
        hostname
        verified
        verifiedAt
        dnsRecords {
          type
          name
          value
        }
      }
      access {
        mode
        emailDomains
        hasPassword
      }
      createdAt
      updatedAt
    }
  }
`);

export const CreateStatusPageDocument = graphql(`
  mutation CreateStatusPage($input: StatusPageInput!) {
    createStatusPage(input: $input) {
      id
      title
      url
    }
  }
`);

export const UpdateStatusPageDocument = graphql(`
  mutation UpdateStatusPage($id: ID!, $input: StatusPageInput!) {
    updateStatusPage(id: $id, input: $input) {
      id
      slug
      title
      description
      autoPublishOutages
      url
      updatedAt
    }
  }
`);

export const SetStatusPageComponentsDocument = graphql(`
  mutation SetStatusPageComponents($id: ID!, $components: [StatusPageComponentInput!]!) {
    setStatusPageComponents(id: $id, components: $components) {
      id
      components {
        id
        monitorId
        name
        group
      }
      updatedAt
    }
  }
`);

export const DeleteStatusPageDocument = graphql(`
  mutation DeleteStatusPage($id: ID!) {
    deleteStatusPage(id: $id) {
      id
      title
    }
  }
`);

export type StatusPageSummary = StatusPagesQuery['statusPages'][number];

function rootKey(tenantId: string | undefined) {
  return ['status-pages', tenantId] as const;
}

function useAuth() {
  const { session } = useSession();
  return { accessToken: session?.accessToken ?? null, tenantId: session?.tenant.id };
}

const retry = (failures: number, error: Error) => !['FORBIDDEN', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '') && failures < 1;

/** The organization's pages, the default one first. */
export function useStatusPages() {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: [...rootKey(tenantId), 'list'],
    queryFn: ({ signal }) => request(StatusPagesDocument, {}, { signal, accessToken }).then((d) => d.statusPages),
    enabled: accessToken !== null,
    retry,
  });
}

export function statusPageKey(tenantId: string | undefined, id: string) {
  return [...rootKey(tenantId), 'page', id] as const;
}

/** One page as its organization manages it. */
export function useStatusPage(id: string) {
  const { accessToken, tenantId } = useAuth();
  return useQuery({
    queryKey: statusPageKey(tenantId, id),
    queryFn: ({ signal }) => request(StatusPageDocument, { id }, { signal, accessToken }).then((d) => d.statusPage),
    enabled: accessToken !== null,
    retry,
  });
}

function useInvalidate() {
  const { tenantId } = useAuth();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rootKey(tenantId) });
}

/** Creates a page (members and above); field errors name `slug`, `title`, `description`. */
export function useCreateStatusPage() {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: StatusPageInput) => request(CreateStatusPageDocument, { input }, { accessToken }).then((d) => d.createStatusPage),
    onSuccess: invalidate,
  });
}

export function useUpdateStatusPage(id: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: StatusPageInput) => request(UpdateStatusPageDocument, { id, input }, { accessToken }).then((d) => d.updateStatusPage),
    onSuccess: invalidate,
  });
}

/** Replaces what the page shows, in this order; field errors name `components.<index>.<field>`. */
export function useSetStatusPageComponents(id: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (components: StatusPageComponentInput[]) =>
      request(SetStatusPageComponentsDocument, { id, components }, { accessToken }).then((d) => d.setStatusPageComponents),
    onSuccess: invalidate,
  });
}

export function useDeleteStatusPage() {
  const { accessToken, tenantId } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteStatusPageDocument, { id }, { accessToken }).then((d) => d.deleteStatusPage),
    onSuccess: (deleted) => {
      queryClient.removeQueries({ queryKey: statusPageKey(tenantId, deleted.id) });
      return queryClient.invalidateQueries({ queryKey: [...rootKey(tenantId), 'list'] });
    },
  });
}

export const AddCustomDomainDocument = graphql(`
  mutation AddCustomDomain($pageId: ID!, $hostname: String!) {
    addCustomDomain(pageId: $pageId, hostname: $hostname) {
      id
      hostname
    }
  }
`);

export const VerifyCustomDomainDocument = graphql(`
  mutation VerifyCustomDomain($id: ID!) {
    verifyCustomDomain(id: $id) {
      id
      hostname
      verified
    }
  }
`);

export const RemoveCustomDomainDocument = graphql(`
  mutation RemoveCustomDomain($id: ID!) {
    removeCustomDomain(id: $id) {
      id
      hostname
    }
  }
`);

/** Adds a custom domain to a page (admins and owners); a field error names `hostname`. */
export function useAddCustomDomain(pageId: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (hostname: string) =>
      request(AddCustomDomainDocument, { pageId, hostname }, { accessToken }).then((d) => d.addCustomDomain),
    onSuccess: invalidate,
  });
}

/** Looks the domain's DNS record up; without it, a field error on `hostname` says what was looked for. */
export function useVerifyCustomDomain() {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(VerifyCustomDomainDocument, { id }, { accessToken }).then((d) => d.verifyCustomDomain),
    onSuccess: invalidate,
  });
}

export function useRemoveCustomDomain() {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(RemoveCustomDomainDocument, { id }, { accessToken }).then((d) => d.removeCustomDomain),
    onSuccess: invalidate,
  });
}

export const SetStatusPageImageDocument = graphql(`
  mutation SetStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!, $file: Upload!) {
    setStatusPageImage(pageId: $pageId, kind: $kind, file: $file) {
      id
      logoUrl
      faviconUrl
      updatedAt
    }
  }
`);

export const RemoveStatusPageImageDocument = graphql(`
  mutation RemoveStatusPageImage($pageId: ID!, $kind: StatusPageImageKind!) {
    removeStatusPageImage(pageId: $pageId, kind: $kind) {
      id
      logoUrl
      faviconUrl
      updatedAt
    }
  }
`);

/** Uploads a page's logo or favicon (members and above); a field error names `file`. */
export function useSetStatusPageImage(pageId: string, kind: StatusPageImageKind) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) =>
      requestMultipart(SetStatusPageImageDocument, { pageId, kind, file: null }, { file }, { accessToken }).then((d) => d.setStatusPageImage),
    onSuccess: invalidate,
  });
}

export function useRemoveStatusPageImage(pageId: string, kind: StatusPageImageKind) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => request(RemoveStatusPageImageDocument, { pageId, kind }, { accessToken }).then((d) => d.removeStatusPageImage),
    onSuccess: invalidate,
  });
}

export const SetStatusPageAccessDocument = graphql(`
  mutation SetStatusPageAccess($pageId: ID!, $input: StatusPageAccessInput!) {
    setStatusPageAccess(pageId: $pageId, input: $input) {
      id
      title
      access {
        mode
        emailDomains
        hasPassword
      }
      updatedAt
    }
  }
`);

/**
 * Sets who may see a page (members and above): public, its password (`password` omitted keeps
 * the current one), or email domains. Field errors name `password`, `emailDomains` and
 * `emailDomains[<index>]`. Any change ends the access visitors were given before.
 */
export function useSetStatusPageAccess(pageId: string) {
  const { accessToken } = useAuth();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: StatusPageAccessInput) =>
      request(SetStatusPageAccessDocument, { pageId, input }, { accessToken }).then((d) => d.setStatusPageAccess),
    onSuccess: invalidate,
  });
}
