import { fireEvent, getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { PublicStatusPage } from './public-status-page';

function days(overrides: Record<number, { uptimePercent: number | null; downtimeSeconds?: number; outages?: number; incidents?: string[] }> = {}) {
  return Array.from({ length: 90 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const o = overrides[i];
    return { date, uptimePercent: o ? o.uptimePercent : 100, downtimeSeconds: o?.downtimeSeconds ?? 0, outages: o?.outages ?? 0, incidents: o?.incidents ?? [] };
  });
}

const hourly = Array.from({ length: 24 }, (_, i) => (i === 5 ? null : 100 + i));

function component(name: string, group: string, status: string, extra: Record<string, unknown> = {}) {
  return { name, group, status, uptimePercent: 99.951, days: days(), responseMs: hourly, ...extra };
}

const page = {
  organization: 'Acme',
  title: 'Acme status',
  description: 'Live status of Acme’s services.',
  status: 'PARTIAL_OUTAGE',
  components: [
    component('Checkout', 'Shop', 'OUTAGE', { days: days({ 87: { uptimePercent: 94.5, downtimeSeconds: 4752, outages: 2 } }) }),
    component('Website', '', 'OPERATIONAL', { days: days({ 0: { uptimePercent: null }, 88: { uptimePercent: 99.5, downtimeSeconds: 432, outages: 1 } }) }),
    component('Search', 'Shop', 'DEGRADED'),
    component('Legacy API', '', 'UNKNOWN', { uptimePercent: null, responseMs: Array(24).fill(null) }),
  ],
  activeOutages: [{ components: ['Checkout'], startedAt: new Date(Date.now() - 12 * 60_000).toISOString(), resolvedAt: null }],
  recentOutages: [{ components: ['Website', 'Search'], startedAt: '2026-11-20T10:00:00Z', resolvedAt: '2026-11-20T10:45:00Z' }],
  activeIncidents: [] as unknown[],
  incidentHistory: { incidents: [] as unknown[], hasNextPage: false, endCursor: null as string | null },
  maintenance: [{ name: 'Database upgrade', components: ['API'], startsAt: '2026-12-02T01:00:00Z', endsAt: '2026-12-02T02:00:00Z', active: false }],
  generatedAt: '2026-11-29T12:00:00Z',
};

const acmeHost = testHost({ tenant: { slug: 'acme', name: 'Acme' } });

function renderPage(data: unknown, slug = '') {
  return renderApp(<PublicStatusPage slug={slug} fallback={<p>No page here</p>} />, {
    session: null,
    host: acmeHost,
    graphql: { PublicStatusPage: () => data },
  });
}

describe('PublicStatusPage', () => {
  it('shows the overall status, what is down now, and every component in its group', async () => {
    const { calls } = renderPage({ data: { publicStatusPage: page } });
    expect(screen.getByRole('status', { busy: true })).toHaveTextContent('Loading the status page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Acme status' })).toBeInTheDocument();
    expect(screen.getByText('Live status of Acme’s services.')).toBeInTheDocument();
    expect(screen.getByTestId('overall-status')).toHaveTextContent('Partial outage');
    expect(calls[0]?.variables).toEqual({ slug: '' });
    expect(calls[0]?.headers.Authorization).toBeUndefined();

    const active = screen.getByTestId('active-outage');
    expect(active).toHaveTextContent('Checkout is down');
    expect(active).toHaveTextContent('for 12 min');

    // Ungrouped components first, in page order; then the groups with their headings.
    const names = screen.getAllByTestId('status-component').map((c) => within(c).getByRole('heading').textContent);
    expect(names).toEqual(['Website', 'Legacy API', 'Checkout', 'Search']);
    expect(screen.getByRole('heading', { level: 3, name: 'Shop' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Checkout' })).toBeInTheDocument();

    const statuses = Object.fromEntries(
      screen.getAllByTestId('status-component').map((c) => [within(c).getByRole('heading').textContent, within(c).getByTestId('component-status').textContent]),
    );
    expect(statuses).toEqual({ Website: 'Operational', 'Legacy API': 'No data', Checkout: 'Outage', Search: 'Degraded' });

    const website = screen.getAllByTestId('status-component')[0]!;
    expect(within(website).getByTestId('component-uptime')).toHaveTextContent('99.95 % uptime over the last 90 days');
    expect(within(website).getByTestId('response-sparkline')).toHaveTextContent('Average response time over the last 24 hours: 112 ms');
    // No sparkline without any response time.
    expect(within(screen.getAllByTestId('status-component')[1]!).queryByTestId('response-sparkline')).not.toBeInTheDocument();

    const past = screen.getByTestId('past-outage');
    expect(past).toHaveTextContent('Website and Search');
    expect(past).toHaveTextContent('resolved after 45 min');
    expect(screen.getByTestId('generated-at')).toHaveTextContent('Updated');
    expect(screen.getByText('Beacon')).toBeInTheDocument();

    const maintenance = screen.getByTestId('maintenance');
    expect(maintenance).toHaveTextContent('Database upgrade');
    expect(maintenance).toHaveTextContent('API');
    expect(maintenance).not.toHaveTextContent('In progress');
    expect(screen.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/feed.rss');
    expect(screen.getByRole('link', { name: 'Atom' })).toHaveAttribute('href', '/feed.atom');
  });

  it('colours one bar per day by uptime and names each day', async () => {
    renderPage({ data: { publicStatusPage: page } });
    const website = (await screen.findAllByTestId('status-component'))[0]!;
    const bars = within(website).getAllByTestId('uptime-bar');
    expect(bars).toHaveLength(90);
    expect(bars[0]).toHaveAttribute('data-tone', 'none');
    expect(bars[0]).toHaveAccessibleName('Tue, Sep 1, 2026: no data');
    expect(bars[1]).toHaveAttribute('data-tone', 'good');
    expect(bars[88]).toHaveAttribute('data-tone', 'minor');
    expect(bars[88]).toHaveAccessibleName('Sat, Nov 28, 2026: 99.50 % uptime, 7 min down, 1 outage');
    const checkout = screen.getAllByTestId('status-component')[2]!;
    expect(within(checkout).getAllByTestId('uptime-bar')[87]).toHaveAttribute('data-tone', 'major');
  });

  it('moves between days with the keyboard, one tab stop per strip, showing the day', async () => {
    const { user } = renderPage({ data: { publicStatusPage: page } });
    const website = (await screen.findAllByTestId('status-component'))[0]!;
    const bars = within(website).getAllByTestId('uptime-bar');
    // Only today is in the tab order.
    expect(bars.filter((b) => b.tabIndex === 0)).toEqual([bars[89]]);

    // The header's "Subscribe to updates" comes first.
    await user.tab();
    await user.tab();
    expect(bars[89]).toHaveFocus();
    expect(within(website).getByTestId('uptime-tip')).toHaveTextContent('No downtime');
    await user.keyboard('{ArrowLeft}');
    expect(bars[88]).toHaveFocus();
    const tip = within(website).getByTestId('uptime-tip');
    expect(tip).toHaveTextContent('Sat, Nov 28, 2026');
    expect(tip).toHaveTextContent('99.50 % uptime');
    expect(tip).toHaveTextContent('7 min down');
    expect(tip).toHaveTextContent('1 outage');
    await user.keyboard('{Home}');
    expect(bars[0]).toHaveFocus();
    expect(within(website).getByTestId('uptime-tip')).toHaveTextContent('No data');
    await user.keyboard('{Escape}');
    expect(within(website).queryByTestId('uptime-tip')).not.toBeInTheDocument();
    await user.keyboard('{End}');
    expect(bars[89]).toHaveFocus();
    // Tab leaves the strip for the next one.
    await user.tab();
    expect(within(screen.getAllByTestId('status-component')[1]!).getAllByTestId('uptime-bar')[89]).toHaveFocus();
  });

  it('says all is well, with no outages and no components yet', async () => {
    renderPage({ data: { publicStatusPage: { ...page, status: 'OPERATIONAL', components: [], activeOutages: [], recentOutages: [], maintenance: [] } } });
    expect(await screen.findByTestId('overall-status')).toHaveTextContent('All systems operational');
    expect(screen.queryByTestId('active-outage')).not.toBeInTheDocument();
    expect(screen.getByTestId('no-components')).toHaveTextContent('Nothing is listed on this page yet.');
    expect(screen.getByTestId('no-past-outages')).toHaveTextContent('No outages in the last 90 days.');
  });

  it('shows the caller’s fallback when there is no such page', async () => {
    renderPage({ data: { publicStatusPage: null } }, 'nope');
    expect(await screen.findByText('No page here')).toBeInTheDocument();
  });

  it('offers to try again when the page cannot be loaded', async () => {
    let fail = true;
    renderApp(<PublicStatusPage slug="" fallback={<p>No page here</p>} />, {
      session: null,
      host: acmeHost,
      graphql: { PublicStatusPage: () => (fail ? gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { publicStatusPage: page } }) },
    });
    const alert = await screen.findByRole('alert', undefined, { timeout: 10_000 });
    expect(alert).toHaveTextContent('We could not load this status page just now.');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme status' })).toBeInTheDocument();
  });

  it('shows active incidents above the components, with their impact, components and timeline (newest first)', async () => {
    const started = new Date(Date.now() - 40 * 60_000).toISOString();
    const incident = {
      id: 'si1',
      title: 'Checkout errors',
      status: 'IDENTIFIED',
      impact: 'PARTIAL',
      components: [
        { name: 'Checkout', impact: 'PARTIAL' },
        { name: 'Search', impact: 'DEGRADED' },
      ],
      updates: [
        { status: 'INVESTIGATING', message: 'We are looking into it.', createdAt: started },
        { status: 'IDENTIFIED', message: 'A bad deploy.\nRolling back now.', createdAt: new Date(Date.now() - 5 * 60_000).toISOString() },
      ],
      startedAt: started,
      resolvedAt: null,
      updatedAt: started,
    };
    const withPartial = page.components.map((c) => (c.name === 'Checkout' ? { ...c, status: 'PARTIAL_OUTAGE' } : c));
    renderPage({ data: { publicStatusPage: { ...page, components: withPartial, activeIncidents: [incident] } } });
    const region = await screen.findByRole('region', { name: 'Active incidents' });
    const card = within(region).getByRole('article', { name: 'Checkout errors' });
    expect(within(card).getByTestId('incident-status')).toHaveTextContent('Identified');
    expect(within(card).getByTestId('incident-impact')).toHaveTextContent('Partial outage');
    const affected = within(card).getByRole('list', { name: 'Affected components' });
    expect(within(affected).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CheckoutPartial outage', 'SearchDegraded performance']);

    const updates = within(card).getAllByTestId('incident-update');
    expect(updates.map((u) => u.getAttribute('data-status'))).toEqual(['IDENTIFIED', 'INVESTIGATING']);
    expect(updates[0]).toHaveTextContent('5 min ago');
    expect(updates[1]).toHaveTextContent('40 min ago');
    // Line breaks are kept (the CSS shows them with white-space: pre-line).
    expect(within(updates[0]!).getByText('A bad deploy.\nRolling back now.', { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) })).toHaveClass(
      'sp-timeline__message',
    );

    // Above the components, whose statuses say partial outage.
    const components = screen.getByRole('heading', { level: 2, name: 'Components' });
    expect(region.compareDocumentPosition(components) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const checkout = screen.getAllByTestId('status-component').find((c) => within(c).getByRole('heading').textContent === 'Checkout')!;
    expect(within(checkout).getByTestId('component-status')).toHaveTextContent('Partial outage');
  });

  it('names a day’s incidents in its bar and popover', async () => {
    const { user } = renderPage({
      data: { publicStatusPage: { ...page, components: [component('Website', '', 'OPERATIONAL', { days: days({ 89: { uptimePercent: 100, incidents: ['Slow logins'] } }) })] } },
    });
    const bar = (await screen.findAllByTestId('uptime-bar'))[89]!;
    expect(bar).toHaveAccessibleName(/incident: Slow logins$/);
    await user.tab(); // the header's subscribe button comes first
    await user.tab();
    expect(bar).toHaveFocus();
    expect(screen.getByTestId('uptime-tip-incidents')).toHaveTextContent('Slow logins');
  });

  it('pages through past incidents with “Show more”, each with its updates folded', async () => {
    const past = (n: number) => ({
      id: `p${n}`,
      title: `Old incident ${n}`,
      status: 'RESOLVED',
      impact: 'MAJOR',
      components: [{ name: 'Website', impact: 'MAJOR' }],
      updates: [
        { status: 'INVESTIGATING', message: 'Down.', createdAt: '2026-11-20T10:00:00Z' },
        { status: 'RESOLVED', message: 'Back up.', createdAt: '2026-11-20T10:45:00Z' },
      ],
      startedAt: '2026-11-20T10:00:00Z',
      resolvedAt: '2026-11-20T10:45:00Z',
      updatedAt: '2026-11-20T10:45:00Z',
    });
    const history = (from: number, to: number, endCursor: string | null) => ({
      incidents: Array.from({ length: to - from }, (_, i) => past(from + i)),
      hasNextPage: endCursor !== null,
      endCursor,
    });
    const { user, calls } = renderApp(<PublicStatusPage slug="ops" fallback={<p>No page here</p>} />, {
      session: null,
      host: acmeHost,
      graphql: {
        PublicStatusPage: () => ({ data: { publicStatusPage: { ...page, incidentHistory: history(0, 10, 'c10') } } }),
        PublicIncidentHistory: (vars) => ({
          data: { publicStatusPage: { incidentHistory: vars.after === 'c10' ? history(10, 20, 'c20') : history(20, 23, null) } },
        }),
      },
    });
    const section = await screen.findByRole('region', { name: 'Past incidents' });
    expect(within(section).getAllByTestId('past-incident')).toHaveLength(10);
    const first = within(section).getAllByTestId('past-incident')[0]!;
    expect(first).toHaveTextContent('Old incident 0');
    expect(first).toHaveTextContent('resolved after 45 min');
    // The updates are folded in a disclosure (a native <details>, so keyboard-usable).
    expect(within(first).getByText('Back up.')).not.toBeVisible();
    await user.click(within(first).getByText('Show all 2 updates'));
    expect(within(first).getByText('Back up.')).toBeVisible();

    await user.click(within(section).getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(section).getAllByTestId('past-incident')).toHaveLength(20));
    await user.click(within(section).getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(section).getAllByTestId('past-incident')).toHaveLength(23));
    expect(within(section).queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.operationName === 'PublicIncidentHistory').map((c) => c.variables)).toEqual([
      { slug: 'ops', after: 'c10' },
      { slug: 'ops', after: 'c20' },
    ]);
  });

  it('says when no incident has been reported', async () => {
    renderPage({ data: { publicStatusPage: page } });
    expect(await screen.findByTestId('no-past-incidents')).toHaveTextContent('No incidents reported.');
    expect(screen.queryByRole('region', { name: 'Active incidents' })).not.toBeInTheDocument();
  });

  it('shows the logo in the header and sets the favicon while shown, restoring the previous one after', async () => {
    const existing = document.createElement('link');
    existing.rel = 'icon';
    existing.type = 'image/svg+xml';
    existing.href = '/favicon.svg';
    document.head.appendChild(existing);
    try {
      const { unmount } = renderPage({ data: { publicStatusPage: { ...page, logoUrl: '/uploads/logo.png', faviconUrl: '/uploads/icon.png' } } });
      const logo = await screen.findByRole('img', { name: 'Acme logo' });
      expect(logo).toHaveAttribute('src', '/uploads/logo.png');
      expect(logo.closest('header')).not.toBeNull();
      expect(document.head.querySelectorAll('link[rel~="icon"]')).toHaveLength(1);
      expect(existing.getAttribute('href')).toBe('/uploads/icon.png');
      expect(existing).not.toHaveAttribute('type');
      unmount();
      expect(existing.getAttribute('href')).toBe('/favicon.svg');
      expect(existing.getAttribute('type')).toBe('image/svg+xml');
    } finally {
      existing.remove();
    }
  });

  it('inserts a favicon link when the document has none, and removes it after', async () => {
    const { unmount } = renderPage({ data: { publicStatusPage: { ...page, logoUrl: null, faviconUrl: '/uploads/icon.png' } } });
    await screen.findByRole('heading', { level: 1, name: 'Acme status' });
    expect(screen.queryByRole('img', { name: 'Acme logo' })).not.toBeInTheDocument();
    expect(screen.getByText('Acme', { selector: '.sp-header__org' })).toBeInTheDocument();
    await waitFor(() => expect(document.head.querySelector('link[rel="icon"]')).toHaveAttribute('href', '/uploads/icon.png'));
    unmount();
    expect(document.head.querySelector('link[rel="icon"]')).toBeNull();
  });
});
