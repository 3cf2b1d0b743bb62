import { Navigate } from 'react-router';
import { useServerHost } from '@/lib/hosts';
import { useSession } from '@/lib/session';
import { PublicLayout } from '../shell/public-layout';
import { LandingRoute } from './landing';
import { DefaultStatusPage } from './status-page-route';

/** Where `/` of a tenant host goes without a public page: its login, or the dashboard when signed in. */
function TenantEntrance() {
  const { status, session } = useSession();
  if (status === 'restoring') return null;
  return <Navigate to={session ? '/app' : '/login'} replace />;
}

/**
 * `/`: on the apex, the landing page. On an organization's own host (`hostTenant`), its default
 * public status page; without one, that organization's login (or its dashboard when already
 * signed in). A host shaped like a tenant's where no active organization lives goes to the
 * login page too, which says so.
 */
export function IndexRoute() {
  const { host } = useServerHost();
  if (!host) return null;
  if (!host.tenant && !host.unknownTenantSlug) {
    return (
      <PublicLayout>
        <LandingRoute />
      </PublicLayout>
    );
  }
  if (!host.tenant) return <TenantEntrance />;
  return <DefaultStatusPage fallback={<TenantEntrance />} />;
}
