import { config } from '@/config/env';

/**
 * Where the SPA runs: on the apex (`<BASE_DOMAIN>` or `app.<BASE_DOMAIN>`: sign up, log in with
 * an organization picker) or on a tenant host (`<slug>.<BASE_DOMAIN>`: that organization).
 *
 * BASE_DOMAIN comes from `VITE_BASE_DOMAIN` when the SPA was built with it. Otherwise it is
 * derived from the page's host name: `*.localhost` and IP literals mean the server's development
 * default `localhost`; `app.<domain>` means `<domain>`; any other host is taken as the apex.
 * (A production build served on tenant hosts should set VITE_BASE_DOMAIN.)
 */
export interface HostInfo {
  readonly baseDomain: string;
  /** The organization's slug on a tenant host, else null. */
  readonly tenantSlug: string | null;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isIpLiteral(hostname: string): boolean {
  return IPV4.test(hostname) || hostname.includes(':') || hostname.startsWith('[');
}

export function hostInfo(hostname: string, configuredBase: string | null = config.baseDomain): HostInfo {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const base = configuredBase ?? derivedBase(host);
  if (host === base || host === `app.${base}` || isIpLiteral(host)) return { baseDomain: base, tenantSlug: null };
  if (host.endsWith(`.${base}`)) {
    const slug = host.slice(0, -base.length - 1);
    if (slug && !slug.includes('.') && slug !== 'app' && slug !== 'www') return { baseDomain: base, tenantSlug: slug };
  }
  return { baseDomain: base, tenantSlug: null };
}

function derivedBase(host: string): string {
  if (host === 'localhost' || host.endsWith('.localhost') || isIpLiteral(host)) return 'localhost';
  if (host.startsWith('app.')) return host.slice(4);
  return host;
}

/** The host info of this page. */
export function currentHost(): HostInfo {
  return hostInfo(typeof window === 'undefined' ? 'localhost' : window.location.hostname);
}

/** BASE_DOMAIN as told by a session's tenant host (`<slug>.<BASE_DOMAIN>`), the surest source. */
export function baseDomainOf(tenant: { slug: string; host: string }): string {
  return tenant.host.startsWith(`${tenant.slug}.`) ? tenant.host.slice(tenant.slug.length + 1) : currentHost().baseDomain;
}

/** An absolute URL on an organization's own host, with this page's scheme and port. */
export function tenantUrl(slug: string, baseDomain: string, path = '/'): string {
  const { protocol, port } = window.location;
  return `${protocol}//${slug}.${baseDomain}${port ? `:${port}` : ''}${path}`;
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
