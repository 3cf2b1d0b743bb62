import { lazy, Suspense, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useServerHost } from '@/lib/hosts';
import { PublicLayout } from '../shell/public-layout';
import { NotFoundRoute } from './not-found';

// The public page's code loads only on a tenant host that has one.
const PublicStatusPage = lazy(() => import('@/features/status-pages/routes/public-status-page').then((m) => ({ default: m.PublicStatusPage })));

function NotFound() {
  return (
    <PublicLayout>
      <NotFoundRoute />
    </PublicLayout>
  );
}

/**
 * `/:pageSlug`: one of the organization's other public pages, on its own host. On the apex,
 * or where the organization has no page at that path, the not-found page.
 */
export function StatusPageRoute() {
  const { pageSlug = '' } = useParams();
  const { host } = useServerHost();
  if (!host) return null;
  if (!host.tenant) return <NotFound />;
  return (
    <Suspense fallback={null}>
      <PublicStatusPage key={pageSlug} slug={pageSlug.toLowerCase()} fallback={<NotFound />} />
    </Suspense>
  );
}

/** `/` on a tenant host: its default public page, or `fallback` when it has none. */
export function DefaultStatusPage({ fallback }: { fallback: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <PublicStatusPage slug="" fallback={fallback} />
    </Suspense>
  );
}
