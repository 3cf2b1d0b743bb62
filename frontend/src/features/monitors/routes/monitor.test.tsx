import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '@/test/render';
import { MonitorRoute } from './monitors';

const monitor = {
  id: 'm1',
  name: 'Database',
  kind: 'TCP',
  target: 'db.example.com:5432',
  status: 'DOWN',
  tags: ['prod', 'db'],
  intervalSeconds: 60,
  timeoutSeconds: 10,
  failureThreshold: 2,
  recoveryThreshold: 1,
  lastCheckedAt: '2026-01-01T10:00:00Z',
  lastDurationMs: 3,
  lastError: 'connection refused',
  statusChangedAt: '2026-01-01T09:59:00Z',
  nextCheckAt: '2026-01-01T10:01:00Z',
  lastPingAt: null,
  createdAt: '2026-01-01T09:00:00Z',
  pingUrl: null,
  heartbeat: null,
  inMaintenance: false,
  dependencyDown: false,
  dependsOn: [],
  dependents: [],
  day: { checks: 1440, failures: 1, uptimePercent: 99.930555, p50Ms: 50, p95Ms: 300 },
  week: { checks: 10080, failures: 0, uptimePercent: 100, p50Ms: 50, p95Ms: 200 },
  month: { checks: 43200, failures: 3000, uptimePercent: 93.05, p50Ms: 50, p95Ms: 200 },
  quarter: { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null },
  dailyUptime: [
    { date: '2026-11-29', stats: { checks: 0, failures: 0, uptimePercent: null } },
    { date: '2026-11-30', stats: { checks: 1440, failures: 1, uptimePercent: 99.930555 } },
  ],
  recentChecks: [
    {
      id: 'c2',
      checkedAt: '2026-01-01T10:00:00Z',
      status: 'DOWN',
      durationMs: 3,
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      firstByteMs: null,
      statusCode: null,
      error: 'connection refused',
    },
    { id: 'c1', checkedAt: '2026-01-01T09:58:00Z', status: 'UP', durationMs: 2, dnsMs: 1, connectMs: 1, tlsMs: null, firstByteMs: null, statusCode: null, error: null },
  ],
  incidents: [
    { id: 'i2', openedAt: '2026-01-01T09:59:00Z', resolvedAt: null, cause: 'connection refused', suppressed: false, causedBy: null },
    { id: 'i1', openedAt: '2026-01-01T08:00:00Z', resolvedAt: '2026-01-01T08:05:00Z', cause: 'timed out', suppressed: false, causedBy: null },
  ],
};

function renderMonitor(role: 'OWNER' | 'VIEWER', data: unknown = monitor) {
  const mock = { Monitor: () => ({ data: { monitor: data } }), DeleteMonitor: () => ({ data: { deleteMonitor: { id: 'm1', name: 'Database' } } }) };
  return renderApp(<MonitorRoute />, {
    session: role,
    graphql: mock,
    route: '/app/monitors/m1',
    path: '/app/monitors/:id',
    routes: [{ path: '/app/monitors', element: <p data-testid="list">List</p> }],
  });
}

describe('MonitorRoute', () => {
  it('shows the monitor, its incidents (ongoing or with a duration) and recent checks', async () => {
    renderMonitor('OWNER');
    expect(await screen.findByRole('heading', { level: 1, name: 'Database' })).toBeInTheDocument();
    const incidents = within(screen.getByRole('table', { name: 'Incidents' })).getAllByTestId('incident-row');
    expect(incidents[0]).toHaveTextContent('Ongoing');
    expect(incidents[1]).toHaveTextContent('5 min');
    expect(incidents[1]).toHaveTextContent('timed out');
    const checks = within(screen.getByRole('table', { name: 'Recent checks' })).getAllByTestId('check-row');
    expect(checks).toHaveLength(2);
    expect(checks[0]).toHaveTextContent('connection refused');
    expect(screen.getByText('every 1 min')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Tags' })).toHaveTextContent('proddb');
  });

  it('shows uptime per period, daily bars and the response-time chart', async () => {
    renderMonitor('OWNER');
    const summary = await screen.findByTestId('uptime-summary');
    expect(within(summary).getByText('Uptime 24 h').nextSibling).toHaveTextContent('99.93 %');
    expect(within(summary).getByText('Uptime 7 d').nextSibling).toHaveTextContent('100.00 %');
    expect(within(summary).getByText('Uptime 90 d').nextSibling).toHaveTextContent('—');
    expect(within(summary).getByText('p95 latency 24 h').nextSibling).toHaveTextContent('≤ 300 ms');
    expect(screen.getByRole('img', { name: '2026-11-30: 99.93 % uptime, 1,440 checks, 1 failed' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '2026-11-29: no data' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Response time of the last 2 checks, 2 ms to 3 ms; last 24 hours p50 ≤ 50 ms, p95 ≤ 300 ms$/ })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Response time by phase, newest first' })).toBeInTheDocument();
    expect(screen.queryByTestId('maintenance-badge')).not.toBeInTheDocument();
  });

  it('shows an “In maintenance” badge during maintenance', async () => {
    renderMonitor('OWNER', { ...monitor, inMaintenance: true });
    expect(await screen.findByTestId('maintenance-badge')).toHaveTextContent('In maintenance');
  });

  it('links to the edit page', async () => {
    renderMonitor('OWNER');
    expect(await screen.findByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/app/monitors/m1/edit');
  });

  it('deletes only after confirmation; Escape cancels', async () => {
    const { user, calls, router } = renderMonitor('OWNER');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alertdialog', { name: 'Delete “Database”?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'DeleteMonitor')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete monitor' }));
    expect(await screen.findByTestId('list')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/monitors');
    expect(calls.find((c) => c.operationName === 'DeleteMonitor')?.variables).toEqual({ id: 'm1' });
  });

  it('shows a heartbeat’s ping URL with a curl example', async () => {
    renderMonitor('OWNER', {
      ...monitor,
      kind: 'HEARTBEAT',
      target: '',
      status: 'PENDING',
      pingUrl: 'https://beacon.test/ping/abc123',
      heartbeat: { graceSeconds: 300, cron: '0 3 * * 1-5', timeZone: 'Europe/Berlin' },
    });
    expect(await screen.findByTestId('monitor-schedule')).toHaveTextContent('Every weekday at 03:00 (Europe/Berlin)');
    expect(await screen.findByTestId('ping-url')).toHaveTextContent('https://beacon.test/ping/abc123');
    expect(screen.getByTestId('ping-curl')).toHaveTextContent('curl -fsS -m 10 --retry 3 https://beacon.test/ping/abc123');
    expect(screen.getByRole('button', { name: 'Copy ping URL' })).toBeInTheDocument();
  });

  it('gives viewers no actions', async () => {
    renderMonitor('VIEWER', { ...monitor, status: 'UP' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Database' })).toBeInTheDocument();
    for (const name of ['Pause', 'Resume', 'Duplicate', 'Delete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });
});
