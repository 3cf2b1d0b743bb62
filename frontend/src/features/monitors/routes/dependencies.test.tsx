import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { layersOf, layoutGraph } from '../components/dependency-layout';
import { MonitorDependenciesRoute, MonitorRoute, MonitorsRoute } from './monitors';

const db = { id: 'm-db', name: 'DB', status: 'DOWN', dependencyDown: false };
const cache = { id: 'm-cache', name: 'Cache', status: 'UP', dependencyDown: false };
const web = { id: 'm-web', name: 'Website', status: 'DOWN', dependencyDown: true };

const api = {
  id: 'm-api',
  name: 'API',
  kind: 'HTTP',
  target: 'https://api.example.com',
  status: 'DOWN',
  tags: [],
  intervalSeconds: 60,
  timeoutSeconds: 10,
  failureThreshold: 1,
  recoveryThreshold: 1,
  lastCheckedAt: '2026-01-01T10:00:00Z',
  lastDurationMs: 30,
  lastError: 'connection refused',
  statusChangedAt: '2026-01-01T09:59:00Z',
  nextCheckAt: '2026-01-01T10:01:00Z',
  lastPingAt: null,
  createdAt: '2026-01-01T09:00:00Z',
  pingUrl: null,
  heartbeat: null,
  inMaintenance: false,
  dependencyDown: true,
  dependsOn: [cache, db],
  dependents: [web],
  day: { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null },
  week: { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null },
  month: { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null },
  quarter: { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null },
  dailyUptime: [],
  recentChecks: [],
  incidents: [
    { id: 'i2', openedAt: '2026-01-01T09:59:00Z', resolvedAt: null, cause: 'connection refused', suppressed: true, causedBy: { id: 'i1', monitorId: 'm-db', monitorName: 'DB' } },
  ],
};

const options = {
  data: {
    monitors: {
      nodes: [
        { id: 'm-api', name: 'API', target: 'https://api.example.com', status: 'DOWN' },
        { id: 'm-cache', name: 'Cache', target: 'cache:6379', status: 'UP' },
        { id: 'm-db', name: 'DB', target: 'db:5432', status: 'DOWN' },
        { id: 'm-web', name: 'Website', target: 'https://example.com', status: 'DOWN' },
      ],
      pageInfo: { hasNextPage: false },
    },
  },
};

function renderMonitor(role: 'OWNER' | 'VIEWER' = 'OWNER', graphql: RenderAppOptions['graphql'] = {}, data: unknown = api) {
  return renderApp(<MonitorRoute />, {
    session: role,
    route: '/app/monitors/m-api',
    path: '/app/monitors/:id',
    graphql: { Monitor: () => ({ data: { monitor: data } }), DependencyMonitorOptions: () => options, ...graphql },
  });
}

describe('Monitor dependencies on the monitor page', () => {
  it('lists what it depends on and what depends on it, as links', async () => {
    renderMonitor();
    const dependsOn = await screen.findByRole('list', { name: 'Monitors API depends on' });
    expect(within(dependsOn).getAllByRole('link').map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Cache', '/app/monitors/m-cache'],
      ['DB', '/app/monitors/m-db'],
    ]);
    const dependents = screen.getByRole('list', { name: 'Monitors that depend on API' });
    expect(within(dependents).getByRole('link', { name: 'Website' })).toHaveAttribute('href', '/app/monitors/m-web');
    expect(within(dependents).getByTestId('monitor-status')).toHaveTextContent('Dependency down');
  });

  it('says it is down because a parent is down, links only the parents that are down, and uses the muted badge', async () => {
    renderMonitor();
    const banner = await screen.findByTestId('dependency-down-banner');
    expect(banner).toHaveTextContent('Down because DB is down — alerts held back');
    expect(within(banner).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/app/monitors/m-db']);
    const badges = screen.getAllByTestId('monitor-status').filter((b) => b.getAttribute('data-dependency-down') === 'true');
    // The header's and the overview's badge, and Website's in "Depended on by".
    expect(badges.length).toBeGreaterThanOrEqual(3);
    for (const badge of badges) {
      expect(badge).toHaveTextContent('Dependency down');
      expect(badge).not.toHaveClass('badge--danger');
    }
  });

  it('shows no banner when the monitor is down on its own', async () => {
    renderMonitor('OWNER', {}, { ...api, dependencyDown: false });
    await screen.findByRole('heading', { level: 1, name: 'API' });
    expect(screen.queryByTestId('dependency-down-banner')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('monitor-status')[0]).toHaveTextContent('Down');
    expect(screen.getAllByTestId('monitor-status')[0]).toHaveClass('badge--danger');
  });

  it('marks an incident that sent no alert and names the outage that caused it', async () => {
    renderMonitor();
    const row = within(await screen.findByRole('table', { name: 'Incidents' })).getByTestId('incident-row');
    expect(row).toHaveTextContent('No alert');
    expect(row).toHaveTextContent('Caused by DB’s outage');
    expect(within(row).getByRole('link', { name: 'DB' })).toHaveAttribute('href', '/app/monitors/m-db');
  });

  it('edits what it depends on through the picker, which leaves the monitor itself out', async () => {
    const { user, calls } = renderMonitor('OWNER', {
      SetMonitorDependencies: (v) => ({
        data: { setMonitorDependencies: { id: 'm-api', dependencyDown: true, dependsOn: [cache, db, web].filter((m) => (v.dependsOn as string[]).includes(m.id)) } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit what API depends on' }));
    const dialog = await screen.findByRole('dialog', { name: 'What API depends on' });
    expect(await within(dialog).findByRole('checkbox', { name: /Website/ })).not.toBeChecked();
    expect(within(dialog).queryByRole('checkbox', { name: /^API/ })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: /^DB/ })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Remove Cache' }));
    expect(within(dialog).getByRole('checkbox', { name: /^Cache/ })).not.toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: /Website/ }));
    expect(within(dialog).getByRole('list', { name: /Chosen/ })).toHaveTextContent('DB×Website×');
    await user.click(within(dialog).getByRole('button', { name: 'Save dependencies' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.operationName === 'SetMonitorDependencies')?.variables).toEqual({ id: 'm-api', dependsOn: ['m-db', 'm-web'] });
    expect(await screen.findByText('Dependencies saved')).toBeInTheDocument();
  });

  it('shows the server’s cycle error next to the picker and keeps the dialog open', async () => {
    const { user } = renderMonitor('OWNER', {
      SetMonitorDependencies: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'dependsOn', message: 'would make a cycle: API → Website → API' }] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit what API depends on' }));
    const dialog = await screen.findByRole('dialog', { name: 'What API depends on' });
    await user.click(await within(dialog).findByRole('checkbox', { name: /Website/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save dependencies' }));

    const error = await within(dialog).findByTestId('monitor-picker-error');
    expect(error).toHaveTextContent('Would make a cycle: API → Website → API.');
    const group = within(dialog).getByRole('group', { name: 'Monitors to depend on' });
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group.getAttribute('aria-describedby')).toBe(error.id);
    // Changing the choice clears the error.
    await user.click(within(dialog).getByRole('checkbox', { name: /Website/ }));
    expect(within(dialog).queryByTestId('monitor-picker-error')).not.toBeInTheDocument();
  });

  it('gives viewers the lists but no edit action', async () => {
    renderMonitor('VIEWER');
    await screen.findByRole('list', { name: 'Monitors API depends on' });
    expect(screen.queryByRole('button', { name: /Edit what/ })).not.toBeInTheDocument();
  });

  it('says when there are no dependencies either way', async () => {
    renderMonitor('OWNER', {}, { ...api, dependencyDown: false, dependsOn: [], dependents: [] });
    expect(await screen.findByText('Depends on no monitor.')).toBeInTheDocument();
    expect(screen.getByText('No monitor depends on this one.')).toBeInTheDocument();
  });
});

describe('Dependency down in the monitor list', () => {
  it('shows a muted “Dependency down” badge instead of red “Down”', async () => {
    const row = (id: string, name: string, dependencyDown: boolean) => ({
      id,
      name,
      kind: 'HTTP',
      target: 'https://example.com',
      status: 'DOWN',
      dependencyDown,
      tags: [],
      intervalSeconds: 60,
      lastCheckedAt: null,
      lastDurationMs: null,
      lastError: 'HTTP 503',
      lastPingAt: null,
      uptime: { uptimePercent: null },
      latencyTrend: [],
    });
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: [] } }),
      Monitors: () => ({ data: { monitors: { nodes: [row('m1', 'DB', false), row('m2', 'API', true)], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    });
    renderApp(<MonitorsRoute />, { session: 'MEMBER' });
    const rows = within(await screen.findByRole('table', { name: 'Monitors' })).getAllByTestId('monitor-row');
    expect(within(rows[0]!).getByTestId('monitor-status')).toHaveTextContent(/^Down$/);
    expect(within(rows[0]!).getByTestId('monitor-status')).toHaveClass('badge--danger');
    expect(within(rows[1]!).getByTestId('monitor-status')).toHaveTextContent('Dependency down');
    expect(within(rows[1]!).getByTestId('monitor-status')).not.toHaveClass('badge--danger');
    expect(screen.getByRole('link', { name: 'Dependencies' })).toHaveAttribute('href', '/app/monitors/dependencies');
  });
});

const graph = {
  monitors: [web, db, { ...api, dependsOn: undefined, dependents: undefined, id: 'm-api', name: 'API', status: 'DOWN', dependencyDown: true }, cache].map(({ id, name, status, dependencyDown }) => ({
    id,
    name,
    status,
    dependencyDown,
  })),
  dependencies: [
    { monitorId: 'm-api', dependsOnId: 'm-db' },
    { monitorId: 'm-api', dependsOnId: 'm-cache' },
    { monitorId: 'm-web', dependsOnId: 'm-api' },
  ],
};

function renderGraph(answer: () => unknown, role: 'OWNER' | 'VIEWER' = 'OWNER') {
  return renderApp(<MonitorDependenciesRoute />, { session: role, graphql: { MonitorDependencyGraph: answer } });
}

describe('MonitorDependenciesRoute', { timeout: 10_000 }, () => {
  it('draws every monitor as a link to its page, parents above dependents, with arrows', async () => {
    renderGraph(() => ({ data: { monitorDependencyGraph: graph } }));
    const drawing = await screen.findByTestId('dependency-graph');
    const nodes = within(drawing).getAllByRole('link');
    expect(nodes.map((n) => [n.getAttribute('aria-label'), n.getAttribute('href')])).toEqual([
      ['Cache Up', '/app/monitors/m-cache'],
      ['DB Down', '/app/monitors/m-db'],
      ['API Dependency down', '/app/monitors/m-api'],
      ['Website Dependency down', '/app/monitors/m-web'],
    ]);
    const y = (label: string) => Number(within(drawing).getByRole('link', { name: label }).querySelector('rect')?.getAttribute('y'));
    expect(y('DB Down')).toBeLessThan(y('API Dependency down'));
    expect(y('API Dependency down')).toBeLessThan(y('Website Dependency down'));
    expect(within(drawing).getAllByTestId('dependency-edge')).toHaveLength(3);
    expect(within(drawing).getByRole('link', { name: 'DB Down' })).toHaveClass('dep-graph__node--down');
    expect(within(drawing).getByRole('link', { name: 'API Dependency down' })).toHaveClass('dep-graph__node--dependency');
  });

  it('says the same in words, with links', async () => {
    renderGraph(() => ({ data: { monitorDependencyGraph: graph } }));
    const text = await screen.findByRole('list', { name: 'Dependencies in words' });
    const items = within(text).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.dep-text__line')?.textContent)).toEqual(['API depends on Cache and DB (down)', 'Website depends on API (down)']);
    expect(within(items[0]!).getByRole('link', { name: 'DB' })).toHaveAttribute('href', '/app/monitors/m-db');
  });

  it('shows phones the text first, with the drawing folded below it', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(max-width: 40rem)', media: query, addEventListener: () => undefined, removeEventListener: () => undefined }));
    const { user } = renderGraph(() => ({ data: { monitorDependencyGraph: graph } }));
    const text = await screen.findByRole('list', { name: 'Dependencies in words' });
    const drawing = screen.getByTestId('dependency-graph');
    expect(text.compareDocumentPosition(drawing) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const details = drawing.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await user.click(screen.getByText('Show the graph'));
    expect(details).toHaveAttribute('open');
  });

  it('explains dependencies and how to add one when there are none', async () => {
    renderGraph(() => ({ data: { monitorDependencyGraph: { monitors: [], dependencies: [] } } }));
    expect(await screen.findByText('No dependencies yet.')).toBeInTheDocument();
    expect(screen.getByText(/one outage, one alert/)).toBeInTheDocument();
    expect(screen.getByText(/open a monitor, find “Dependencies”/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose a monitor' })).toHaveAttribute('href', '/app/monitors');
    expect(screen.queryByTestId('dependency-graph')).not.toBeInTheDocument();
  });

  it('shows a loading state, then an error with a retry', async () => {
    // The graph retries once by itself before showing the error.
    const { user } = renderGraph((() => {
      let calls = 0;
      return () => (calls++ < 2 ? gqlError('database unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { monitorDependencyGraph: graph } });
    })());
    expect(screen.getByRole('status')).toHaveTextContent('Loading the dependencies…');
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Could not load the dependencies');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('dependency-graph')).toBeInTheDocument();
  });
});

describe('layoutGraph', () => {
  it('puts each monitor one layer below its deepest parent', () => {
    const layers = layersOf(['a', 'b', 'c', 'd'], [
      { monitorId: 'b', dependsOnId: 'a' },
      { monitorId: 'c', dependsOnId: 'b' },
      { monitorId: 'c', dependsOnId: 'a' },
      { monitorId: 'd', dependsOnId: 'a' },
    ]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, c: 2, d: 1 });
  });

  it('routes an edge that skips a layer around the monitors in it', () => {
    // c depends on a (two layers up) and on b; the a→c edge passes through b's layer beside b.
    const layout = layoutGraph(['a', 'b', 'c'], [
      { monitorId: 'b', dependsOnId: 'a' },
      { monitorId: 'c', dependsOnId: 'b' },
      { monitorId: 'c', dependsOnId: 'a' },
    ]);
    const b = layout.nodes.find((n) => n.id === 'b')!;
    const long = layout.edges.find((e) => e.monitorId === 'c' && e.dependsOnId === 'a')!;
    expect(long.points).toHaveLength(4);
    const lane = long.points[1]!;
    expect(lane.y).toBe(b.y);
    expect(lane.x < b.x || lane.x > b.x + 184).toBe(true);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('survives a cycle the server should never send, and an empty graph', () => {
    const layout = layoutGraph(['a', 'b'], [
      { monitorId: 'a', dependsOnId: 'b' },
      { monitorId: 'b', dependsOnId: 'a' },
    ]);
    expect(layout.nodes).toHaveLength(2);
    expect(layoutGraph([], [])).toMatchObject({ nodes: [], edges: [], width: 0, height: 0 });
  });
});
