import { queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { request } from './graphql-client';

/**
 * Where the SPA runs: on the apex (`<BASE_DOMAIN>` or `app.<BASE_DOMAIN>`: sign up, log in with
 * an organization picker) or on a tenant host (`<slug>.<BASE_DOMAIN>`: that organization).
 *
 * The server says both: `serverInfo.baseDomain`, and `hostTenant`, the active organization
 * whose host the request came to (null elsewhere). One small anonymous query, asked once per
 * page load (prefetched by the app's providers, so it runs alongside the session restore).
 */
export const HostContextQuery = graphql(`
  query HostContext {
    serverInfo {
      baseDomain
    }
    hostTenant {
      slug
      name
    }
  }
`);

export interface ServerHost {
  /** The server's BASE_DOMAIN: organizations live at `<slug>.<baseDomain>`. */
  readonly baseDomain: string;
  /** The active organization this page's host belongs to, or null (apex, or no such organization). */
  readonly tenant: { readonly slug: string; readonly name: string } | null;
  /**
   * The slug in this page's host when the host has the shape of a tenant host
   * (`<slug>.<baseDomain>`) but no active organization lives there (unknown or suspended).
   */
  readonly unknownTenantSlug: string | null;
  /** False when the server could not be asked, and `baseDomain` is a guess from the page's host. */
  readonly fromServer: boolean;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isIpLiteral(hostname: string): boolean {
  return IPV4.test(hostname) || hostname.includes(':') || hostname.startsWith('[');
}

function normalize(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** The slug of a host of the shape `<slug>.<baseDomain>` (one label, not `app`/`www`), else null. */
export function tenantSlugOf(hostname: string, baseDomain: string): string | null {
  const host = normalize(hostname);
  const base = normalize(baseDomain);
  if (!base || isIpLiteral(host) || !host.endsWith(`.${base}`)) return null;
  const slug = host.slice(0, -base.length - 1);
  return slug && !slug.includes('.') && slug !== 'app' && slug !== 'www' ? slug : null;
}

/**
 * A best guess of BASE_DOMAIN from a host name, only for when the server cannot be asked:
 * `*.localhost` and IP literals mean the development default `localhost`; `app.<domain>` means
 * `<domain>`; any other host is taken as the apex.
 */
export function guessBaseDomain(hostname: string): string {
  const host = normalize(hostname);
  if (host === 'localhost' || host.endsWith('.localhost') || isIpLiteral(host)) return 'localhost';
  if (host.startsWith('app.')) return host.slice(4);
  return host;
}

/** Combines the server's answer with this page's host name. */
export function serverHost(hostname: string, answer: { baseDomain: string; tenant: ServerHost['tenant'] }): ServerHost {
  const slug = tenantSlugOf(hostname, answer.baseDomain);
  return {
    baseDomain: answer.baseDomain,
    tenant: answer.tenant,
    unknownTenantSlug: answer.tenant === null ? slug : null,
    fromServer: true,
  };
}

function pageHostname(): string {
  return typeof window === 'undefined' ? 'localhost' : window.location.hostname;
}

export const hostQueryKey = ['host-context'] as const;

/** The query behind {@link useServerHost}, for prefetching and for seeding tests. */
export const hostQueryOptions = queryOptions({
  queryKey: hostQueryKey,
  queryFn: ({ signal }) =>
    request(HostContextQuery, {}, { signal }).then((data) =>
      serverHost(pageHostname(), { baseDomain: data.serverInfo.baseDomain, tenant: data.hostTenant ?? null }),
    ),
  staleTime: Infinity,
  gcTime: Infinity,
});

/**
 * This page's host as the server sees it. `host` is undefined while loading; when the server
 * cannot be asked it is a guess from the page's host name (`fromServer: false`, no tenant).
 */
export function useServerHost(): { host: ServerHost | undefined; isPending: boolean } {
  const query = useQuery(hostQueryOptions);
  if (query.data) return { host: query.data, isPending: false };
  if (query.isError) {
    const baseDomain = guessBaseDomain(pageHostname());
    return { host: { baseDomain, tenant: null, unknownTenantSlug: null, fromServer: false }, isPending: false };
  }
  return { host: undefined, isPending: true };
}

/** An absolute URL on another host of this server (a tenant's `<slug>.<BASE_DOMAIN>`, or the apex), with this page's scheme and port. */
export function urlOnHost(host: string, path = '/'): string {
  const { protocol, port } = window.location;
  return `${protocol}//${host}${port ? `:${port}` : ''}${path}`;
}

/** Suggests an organization address from its name: "Acme Corp." → "acme-corp". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
