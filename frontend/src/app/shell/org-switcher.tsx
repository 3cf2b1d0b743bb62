import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { baseDomainOf, tenantUrl } from '@/lib/hosts';
import { knownOrganizations } from '@/lib/known-organizations';
import { roleLabel } from '@/lib/roles';
import type { Session } from '@/lib/session';

function initial(name: string): string {
  return (name.trim().charAt(0) || '?').toUpperCase();
}

/**
 * The current organization, and a menu to switch. A session is bound to one organization, so
 * switching means logging in to the other one on its own host (`<slug>.<BASE_DOMAIN>`); the
 * organizations offered are those the login offered in this tab.
 */
export function OrgSwitcher({ session }: { session: Session }) {
  const base = baseDomainOf(session.tenant);
  const email = encodeURIComponent(session.user.email);
  const others = knownOrganizations(session.user.email).filter((o) => o.slug !== session.tenant.slug);
  const apexLogin = `${window.location.protocol}//${base}${window.location.port ? `:${window.location.port}` : ''}/login?email=${email}`;

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
          <DropdownMenu.Label className="menu__label">Organizations</DropdownMenu.Label>
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
              onSelect={() => window.location.assign(tenantUrl(org.slug, base, `/login?email=${email}`))}
            >
              <span className="org-switcher__avatar org-switcher__avatar--small" aria-hidden="true">
                {initial(org.name)}
              </span>
              <span className="menu__item-text">
                {org.name}
                <span className="menu__item-meta">
                  {org.slug}.{base} · {roleLabel(org.role)}
                </span>
              </span>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="menu__separator" />
          <DropdownMenu.Item className="menu__item" onSelect={() => window.location.assign(apexLogin)}>
            Log in to another organization…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
