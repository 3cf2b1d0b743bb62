import type { SessionRole } from '@/lib/session';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  /** Items a role cannot use are not shown. */
  readonly minimumRole?: SessionRole;
  /** Exact match for the active state (the home page would otherwise match everything). */
  readonly end?: boolean;
  /** Not built yet: shown as "Soon", not a link. */
  readonly comingSoon?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/app', label: 'Home', end: true },
  { to: '/app/monitors', label: 'Monitors' },
  { to: '/app/status-pages', label: 'Status pages' },
  { to: '/app/incidents', label: 'Incidents' },
  { to: '/app/maintenance', label: 'Maintenance' },
  { to: '/app/alerts', label: 'Alert channels' },
  { to: '/app/team', label: 'Team' },
  { to: '/app/api-keys', label: 'API keys', minimumRole: 'ADMIN' },
  { to: '/app/audit', label: 'Audit log', minimumRole: 'ADMIN' },
  { to: '/app/account', label: 'Account' },
];
