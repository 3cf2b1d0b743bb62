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
  recentChecks: [
    { id: 'c2', checkedAt: '2026-01-01T10:00:00Z', status: 'DOWN', durationMs: 3, statusCode: null, error: 'connection refused' },
    { id: 'c1', checkedAt: '2026-01-01T09:58:00Z', status: 'UP', durationMs: 2, statusCode: null, error: null },
  ],
  incidents: [
    { id: 'i2', openedAt: '2026-01-01T09:59:00Z', resolvedAt: null, cause: 'connection refused' },
    { id: 'i1', openedAt: '2026-01-01T08:00:00Z', resolvedAt: '2026-01-01T08:05:00Z', cause: 'timed out' },
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
      heartbeat: { graceSeconds: 300 },
    });
    expect(await screen.findByTestId('ping-url')).toHaveTextContent('https://beacon.test/ping/abc123');
    expect(screen.getByTestId('ping-curl')).toHaveTextContent('curl -fsS -m 10 --retry 3 https://beacon.test/ping/abc123');
    expect(screen.getByRole('button', { name: 'Copy ping URL' })).toBeInTheDocument();
  });

  it('gives viewers no actions', async () => {
    renderMonitor('VIEWER', { ...monitor, status: 'UP' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Database' })).toBeInTheDocument();
    for (const name of ['Pause', 'Resume', 'Duplicate', 'Delete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });
});
