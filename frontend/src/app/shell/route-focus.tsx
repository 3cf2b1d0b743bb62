import { useEffect, useRef } from 'react';
import { useLocation, useMatches } from 'react-router';

interface TitleHandle {
  title?: string;
}

/** The title of the deepest matched route that has one (`handle: { title }`). */
export function useRouteTitle(): string | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const title = (matches[i]?.handle as TitleHandle | undefined)?.title;
    if (title) return title;
  }
  return undefined;
}

/**
 * Sets `document.title` per route, and after each client-side navigation moves focus to the
 * page's `h1` and announces the new page in a polite live region (as a full page load would).
 */
export function RouteFocus() {
  const title = useRouteTitle();
  const location = useLocation();
  const liveRegion = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  useEffect(() => {
    document.title = title ? `${title} · Beacon` : 'Beacon';
  }, [title]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Hash links (the skip link) keep their own focus.
    if (location.hash) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    // The live region is written directly: the text is for this moment only, not app state.
    if (liveRegion.current) liveRegion.current.textContent = `${heading?.textContent?.trim() || title || 'Page'} — page loaded`;
    // Announce once per navigation (pathname), not on every title change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return (
<div ref={liveRegion} className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="route-announcer" />
  );
}
