import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form';
import { Skeleton } from '@/components/skeleton';
import { usePublicStatusPage } from '../api/get-public-status-page';
import { forgetPageAccess, pageLockOf, usePageAccess } from '../api/page-access';
import { PageGate } from '../components/page-gate';
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

/** The query parameter of a mailed link that opens a restricted page: `/<slug>?access=<grant>`. */
export const ACCESS_PARAM = 'access';

/**
 * A public status page of the organization whose host this is: `slug` `""` is its default page.
 * Shows `fallback` when there is no such page (the server answers null), so the caller decides
 * what the path means then (the login redirect at `/`, the not-found page elsewhere).
 *
 * A restricted page shows its gate until the visitor has a grant: from its password, or from
 * the link mailed to them (`?access=`, kept and then taken out of the address bar). Grants are
 * kept per host and page in localStorage; one the server refuses (the page's access changed,
 * or it expired) is forgotten and the gate says that access ended.
 */
export function PublicStatusPage({ slug, fallback }: { slug: string; fallback: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const fromLink = new URLSearchParams(location.search).get(ACCESS_PARAM)?.trim() || null;
  const access = usePageAccess(slug, fromLink);
  const [unlocked, setUnlocked] = useState(false);
  const query = usePublicStatusPage(slug, access.token);
  const lock = useMemo(() => pageLockOf(query.error), [query.error]);
  // A grant the server no longer takes (it stays in memory, so the gate can say access ended).
  const refused = lock !== null && access.token !== null;

  // The grant is kept; the link's token should not stay in the address bar, history or bookmarks.
  // Replacing the entry through the router (history.replaceState) keeps its location in step.
  const { pathname, search, hash } = location;
  useEffect(() => {
    if (!fromLink) return;
    const rest = new URLSearchParams(search);
    rest.delete(ACCESS_PARAM);
    const remaining = rest.toString();
    void navigate({ pathname, search: remaining ? `?${remaining}` : '', hash }, { replace: true, preventScrollReset: true });
  }, [fromLink, pathname, search, hash, navigate]);

  useEffect(() => {
    if (refused) forgetPageAccess(slug);
  }, [refused, slug]);

  if (lock) {
    return (
      <PageGate
        slug={slug}
        lock={lock}
        ended={refused}
        onGranted={(token, expiresAt) => {
          setUnlocked(true);
          access.grant(token, expiresAt);
        }}
      />
    );
  }
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
  return <PublicStatusPageView page={query.data} slug={slug} accessToken={access.token} focusTitle={unlocked} />;
}
