import type { ReactNode } from 'react';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form';
import { Skeleton } from '@/components/skeleton';
import { usePublicStatusPage } from '../api/get-public-status-page';
import { PublicStatusPageView } from '../components/public-status-page';
import '../components/public-status-page.css';

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="sp">
      <main id="main" className="sp-main sp-container" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/**
 * A public status page of the organization whose host this is: `slug` `""` is its default page.
 * Shows `fallback` when there is no such page (the server answers null), so the caller decides
 * what the path means then (the login redirect at `/`, the not-found page elsewhere).
 */
export function PublicStatusPage({ slug, fallback }: { slug: string; fallback: ReactNode }) {
  const query = usePublicStatusPage(slug);
  if (query.isPending) {
    return (
      <Frame>
        <div className="sp-loading" role="status" aria-busy="true">
          <span className="visually-hidden">Loading the status page…</span>
          <Skeleton lines={1} variant="text" />
          <Skeleton lines={4} />
        </div>
      </Frame>
    );
  }
  if (query.data === null) return <>{fallback}</>;
  if (query.data === undefined) {
    return (
      <Frame>
        <h1 className="sp-intro__title">Status unavailable</h1>
        <FormAlert>
          <p>We could not load this status page just now. {query.error?.message}</p>
          <Button variant="secondary" onClick={() => void query.refetch()} pending={query.isFetching} pendingLabel="Retrying…">
            Try again
          </Button>
        </FormAlert>
      </Frame>
    );
  }
  return <PublicStatusPageView page={query.data} slug={slug} />;
}
