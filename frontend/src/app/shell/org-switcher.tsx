import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useMyOrganizations } from '@/features/account/api/get-my-organizations';
import { urlOnHost, useServerHost } from '@/lib/hosts';
import { roleLabel } from '@/lib/roles';
import type { Session } from '@/lib/session';

function initial(name: string): string {
  return (name.trim().charAt(0) || '?').toUpperCase();
}

/**
 * The current organization, and a menu of the others the user belongs to (`myOrganizations`).
 * A session is bound to one organization (and its cookie to that organization's host), so
 * switching means logging in on the other organization's own host, with the email filled in.
 */
export function OrgSwitcher({ session }: { session: Session }) {
  const organizations = useMyOrganizations();
  const { host } = useServerHost();
  const email = encodeURIComponent(session.user.email);
  const others = (organizations.data ?? []).filter((o) => o.slug !== session.tenant.slug);
  const { slug, host: tenantHost } = session.tenant;
  const baseDomain = host?.baseDomain ?? (tenantHost.startsWith(`${slug}.`) ? tenantHost.slice(slug.length + 1) : tenantHost);

  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="org-switcher">
        <span className="visually-hidden">Organization: </span>
        <span className="org-switcher__avatar" aria-hidden="true">
          {initial(session.tenant.name)}
        </span>
        <span className="org-switcher__text">
          <span className="org-switcher__name" data-testid="current-organization">
            {session.tenant.name}
          </span>
          <span className="org-switcher__role">{roleLabel(session.role)}</span>
        </span>
        <span className="visually-hidden">, switch organization</span>
        <span className="org-switcher__chevron" aria-hidden="true">
          ⌄
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="start" sideOffset={6}>
          <DropdownMenu.Label className="menu__label">Your organizations</DropdownMenu.Label>
          <DropdownMenu.Item className="menu__item menu__item--current" disabled>
            <span className="org-switcher__avatar org-switcher__avatar--small" aria-hidden="true">
              {initial(session.tenant.name)}
            </span>
            <span className="menu__item-text">
              {session.tenant.name}
              <span className="menu__item-meta">{session.tenant.host} · current</span>
            </span>
          </DropdownMenu.Item>
          {others.map((org) => (
            <DropdownMenu.Item
              key={org.slug}
              className="menu__item"
              onSelect={() => window.location.assign(urlOnHost(org.host, `/login?email=${email}`))}
            >
              <span className="org-switcher__avatar org-switcher__avatar--small" aria-hidden="true">
                {initial(org.name)}
              </span>
              <span className="menu__item-text">
                {org.name}
                <span className="menu__item-meta">
                  {org.host} · {roleLabel(org.role)}
                </span>
              </span>
            </DropdownMenu.Item>
          ))}
          {organizations.isPending ? (
            <DropdownMenu.Label className="menu__note">
              Loading your other organizations…
            </DropdownMenu.Label>
          ) : null}
          {organizations.isSuccess && others.length === 0 ? (
            <DropdownMenu.Label className="menu__note">You belong to no other organization.</DropdownMenu.Label>
          ) : null}
          {organizations.isError ? (
            <>
              <DropdownMenu.Label className="menu__note">Could not load your other organizations.</DropdownMenu.Label>
              <DropdownMenu.Separator className="menu__separator" />
              <DropdownMenu.Item
                className="menu__item"
                onSelect={() => window.location.assign(urlOnHost(baseDomain, `/login?email=${email}`))}
              >
                Log in to another organization…
              </DropdownMenu.Item>
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
