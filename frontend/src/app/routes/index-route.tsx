import { Navigate } from 'react-router';
import { currentHost } from '@/lib/hosts';
import { useSession } from '@/lib/session';
import { LandingRoute } from './landing';

/**
 * `/`: on the apex, the landing page. On a tenant host (`<slug>.<BASE_DOMAIN>`), which will
 * show the organization's public status page once status pages exist, the organization's
 * login (or its dashboard when already signed in).
 */
export function IndexRoute() {
  const { status, session } = useSession();
  if (!currentHost().tenantSlug) return <LandingRoute />;
  if (status === 'restoring') return null;
  return <Navigate to={session ? '/app' : '/login'} replace />;
}
