import { Navigate } from 'react-router';
import { useServerHost } from '@/lib/hosts';
import { useSession } from '@/lib/session';
import { LandingRoute } from './landing';

/**
 * `/`: on the apex, the landing page. On an organization's own host (`hostTenant`), which will
 * show its public status page once status pages exist, that organization's login (or its
 * dashboard when already signed in). A host shaped like a tenant's where no active
 * organization lives goes to the login page too, which says so.
 */
export function IndexRoute() {
  const { status, session } = useSession();
  const { host } = useServerHost();
  if (!host) return null;
  if (!host.tenant && !host.unknownTenantSlug) return <LandingRoute />;
  if (status === 'restoring') return null;
  return <Navigate to={session ? '/app' : '/login'} replace />;
}
