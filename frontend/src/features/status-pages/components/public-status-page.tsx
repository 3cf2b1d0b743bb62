import { useEffect, useRef } from 'react';
import { useNow } from '@/lib/use-now';
import type { PublicComponentData, PublicPage } from '../api/get-public-status-page';
import { COMPONENT_STATUS, formatMoment, formatPercent, groupComponents, PAGE_STATUS } from './format';
import { ActiveOutages, Maintenance, PastOutages } from './outages';
import { ActiveIncidents, IncidentHistory } from './public-incidents';
import { Sparkline } from '@/components/sparkline';
import { StatusIcon } from './status-icon';
import { SubscribeDialog } from './subscribe-dialog';
import { UptimeStrip } from './uptime-strip';
import './public-status-page.css';

function ComponentRow({ component, grouped }: { component: PublicComponentData; grouped: boolean }) {
  const Heading = grouped ? 'h4' : 'h3';
  const status = COMPONENT_STATUS[component.status];
  return (
    <li className="sp-component" data-testid="status-component">
      <div className="sp-component__head">
        <Heading className="sp-component__name">{component.name}</Heading>
        <span className={`sp-pill sp-tone--${status.tone}`} data-testid="component-status" data-status={component.status}>
          <StatusIcon tone={status.tone} className="sp-pill__icon" />
          {status.label}
        </span>
      </div>
      <UptimeStrip name={component.name} days={component.days} />
      <div className="sp-component__foot">
        <span data-testid="component-uptime">
          <strong>{formatPercent(component.uptimePercent)}</strong> uptime
          <span className="visually-hidden"> over the last 90 days</span>
        </span>
        <Sparkline values={component.responseMs} />
      </div>
    </li>
  );
}

/**
 * Points the document's icon at `href` while mounted (inserting a `<link rel="icon">` when
 * there is none) and puts the previous one back afterwards.
 */
function usePageFavicon(href: string | null | undefined) {
  useEffect(() => {
    if (!href) return undefined;
    const existing = document.head.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    if (existing) {
      const previous = { href: existing.getAttribute('href'), type: existing.getAttribute('type') };
      existing.setAttribute('href', href);
      existing.removeAttribute('type');
      return () => {
        if (previous.href === null) existing.removeAttribute('href');
        else existing.setAttribute('href', previous.href);
        if (previous.type !== null) existing.setAttribute('type', previous.type);
      };
    }
    const link = document.createElement('link');
    link.rel = 'icon';
    link.href = href;
    document.head.appendChild(link);
    return () => link.remove();
  }, [href]);
}

interface PublicStatusPageViewProps {
  page: PublicPage;
  /** The page's path on this host (`""`: the default page). */
  slug?: string;
  /**
   * The visitor's grant, when the page is restricted: its incident history and subscriptions
   * ask with it, and its feeds (never served for a restricted page) are not offered.
   */
  accessToken?: string | null;
  /** Move focus to the title once shown (after the visitor unlocked the page). */
  focusTitle?: boolean;
}

/** What a visitor sees: the organization, an overall banner, what is down now, every component, and the history. */
export function PublicStatusPageView({ page, slug = '', accessToken = null, focusTitle = false }: PublicStatusPageViewProps) {
  const feedBase = slug ? `/${slug}` : '';
  const now = useNow(30_000);
  const overall = PAGE_STATUS[page.status];
  const groups = groupComponents(page.components);
  const heading = useRef<HTMLHeadingElement>(null);

  usePageFavicon(page.faviconUrl);

  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle]);

  useEffect(() => {
    document.title = page.title.includes(page.organization) ? page.title : `${page.title} · ${page.organization}`;
  }, [page.title, page.organization]);

  return (
    <div className="sp">
      <header className="sp-header">
        <div className="sp-container sp-header__inner">
          {page.logoUrl ? (
            <p className="sp-header__org sp-header__org--logo">
              <img className="sp-header__logo" src={page.logoUrl} alt={`${page.organization} logo`} />
            </p>
          ) : (
            <p className="sp-header__org">{page.organization}</p>
          )}
          <SubscribeDialog page={page} slug={slug} accessToken={accessToken} />
        </div>
      </header>
      <main id="main" className="sp-main sp-container" tabIndex={-1}>
        <div className="sp-intro">
          <h1 className="sp-intro__title" ref={heading} tabIndex={focusTitle ? -1 : undefined}>
            {page.title}
          </h1>
          {page.description ? <p className="sp-intro__description">{page.description}</p> : null}
        </div>

        <div className={`sp-banner sp-tone--${overall.tone}`} role="status" data-testid="overall-status" data-status={page.status}>
          <StatusIcon tone={overall.tone} className="sp-banner__icon" />
          <p className="sp-banner__text">{overall.label}</p>
        </div>

        <ActiveIncidents incidents={page.activeIncidents} now={now} />

        <ActiveOutages outages={page.activeOutages} now={now} />

        <section className="sp-section" aria-labelledby="sp-components-title">
          <div className="sp-section__head">
            <h2 id="sp-components-title" className="sp-section__title">
              Components
            </h2>
            <p className="sp-section__aside">Uptime over the last 90 days</p>
          </div>
          {groups.length === 0 ? (
            <p className="sp-empty" data-testid="no-components">
              Nothing is listed on this page yet.
            </p>
          ) : (
            groups.map(({ group, components }) =>
              group ? (
                <div key={`g:${group}`} className="sp-group" data-testid="component-group">
                  <h3 className="sp-group__title">{group}</h3>
                  <ul className="sp-components">
                    {components.map((c, i) => (
                      <ComponentRow key={`${c.name}-${i}`} component={c} grouped />
                    ))}
                  </ul>
                </div>
              ) : (
                <ul key="ungrouped" className="sp-components">
                  {components.map((c, i) => (
                    <ComponentRow key={`${c.name}-${i}`} component={c} grouped={false} />
                  ))}
                </ul>
              ),
            )
          )}
        </section>

        <Maintenance windows={page.maintenance} />

        <IncidentHistory slug={slug} first={page.incidentHistory} now={now} accessToken={accessToken} />

        <PastOutages outages={page.recentOutages} />
      </main>
      <footer className="sp-footer">
        <div className="sp-container sp-footer__inner">
          <span>
            Powered by <strong>Beacon</strong>
          </span>
          {accessToken ? null : (
            <span>
              Follow: <a href={`${feedBase}/feed.rss`}>RSS</a> · <a href={`${feedBase}/feed.atom`}>Atom</a>
            </span>
          )}
          <span data-testid="generated-at">
            Updated <time dateTime={String(page.generatedAt)}>{formatMoment(page.generatedAt)}</time> · refreshes every 30 seconds
          </span>
        </div>
      </footer>
    </div>
  );
}
