import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { MONITOR_POLL_MS } from '../api/get-monitors';
import { SEARCH_DEBOUNCE_MS } from '../components/monitor-list';
import { MonitorsRoute, NewMonitorRoute } from './monitors';

const base = {
  kind: 'TCP',
  target: 'db.example.com:5432',
  intervalSeconds: 60,
  lastCheckedAt: new Date(Date.now() - 12_000).toISOString(),
  lastError: null,
  lastPingAt: null,
  uptime: { uptimePercent: null },
  latencyTrend: Array(24).fill(null),
};
const trend: (number | null)[] = [...Array.from({ length: 22 }, () => null), 10.5, 13.5];
const up = { ...base, id: 'm1', name: 'Database', status: 'UP', tags: ['prod', 'db'], lastDurationMs: 12, uptime: { uptimePercent: 99.987 }, latencyTrend: trend };
const down = { ...base, tags: [], lastDurationMs: 0, id: 'm2', name: 'Website', kind: 'HTTP', target: 'https://example.com', status: 'DOWN', lastError: 'HTTP 503' };
const paused = { ...base, tags: [], lastDurationMs: null, id: 'm3', name: 'Old API', status: 'PAUSED', lastCheckedAt: null };

function monitors(nodes: unknown[], endCursor: string | null = null) {
  return { data: { monitors: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } } };
}

function many(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ...up, id: `m${from + i}`, name: `Monitor ${from + i}`, lastDurationMs: i % 2 ? 0 : 120 }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MonitorsRoute', () => {
  it('lists monitors with their status, kind, target, last check and the error of DOWN ones', async () => {
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: () => monitors([up, down, paused]) });
    renderApp(<MonitorsRoute />, { session: 'MEMBER' });

    const table = await screen.findByRole('table', { name: 'Monitors' });
    const rows = within(table).getAllByTestId('monitor-row');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Status', 'Kind', 'Target', 'Response', 'Last 24 h', 'Last check']);
    expect(rows).toHaveLength(3);
    // The last day: uptime (truncated, never rounded up to 100 %) and the hourly trend.
    expect(within(rows[0]!).getByTestId('row-uptime')).toHaveTextContent('99.98 % uptime');
    expect(within(rows[0]!).getByTestId('response-sparkline')).toHaveTextContent('12 ms');
    expect(within(rows[1]!).getByTestId('row-uptime')).toHaveTextContent('—');
    expect(within(rows[1]!).queryByTestId('response-sparkline')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByTestId('monitor-status')).toHaveTextContent('Up');
    expect(within(rows[0]!).getByRole('link', { name: 'Database' })).toHaveAttribute('href', '/app/monitors/m1');
    expect(rows[0]).toHaveTextContent('db.example.com:5432');
    expect(within(rows[0]!).getByRole('list', { name: 'Tags of Database' })).toHaveTextContent('proddb');
    expect(rows[0]).toHaveTextContent('12 ms');
    expect(rows[0]).toHaveTextContent(/1[0-9] s ago/);
    expect(within(rows[0]!).queryByTestId('monitor-last-error')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('monitor-status')).toHaveTextContent('Down');
    expect(within(rows[1]!).getByTestId('monitor-last-error')).toHaveTextContent('HTTP 503');
    expect(within(rows[2]!).getByTestId('monitor-status')).toHaveTextContent('Paused');
    expect(rows[2]).toHaveTextContent('Not yet');
    expect(screen.getByRole('link', { name: 'Create monitor' })).toHaveAttribute('href', '/app/monitors/new');
  });

  it('shows a skeleton while loading, then an empty state with a call to action', async () => {
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: () => monitors([]) });
    renderApp(<MonitorsRoute />, { session: 'OWNER' });

    expect(screen.getByRole('status')).toHaveTextContent('Loading the monitors…');
    expect(await screen.findByText('No monitors yet.')).toBeInTheDocument();
    // The page's button and the empty state's.
    expect(screen.getAllByRole('link', { name: 'Create monitor' })).toHaveLength(2);
  });

  it('offers viewers no way to create a monitor', async () => {
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: () => monitors([]) });
    renderApp(<MonitorsRoute />, { session: 'VIEWER' });

    expect(await screen.findByText('No monitors yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create monitor' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    // The list retries once by itself before showing the error.
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: (_v, call) => (call < 2 ? gqlError('database unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : monitors([up])) });
    renderApp(<MonitorsRoute />, { session: 'OWNER' });

    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Could not load the monitors');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Database' })).toBeInTheDocument();
  });

  it('filters by status and searches on the server, debounced', async () => {
    const { calls } = mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }),
      Monitors: (vars) => {
        const filter = vars.filter as { status: string | null; text: string | null };
        if (filter.status === 'DOWN') return monitors([down]);
        if (filter.text === 'data') return monitors([up]);
        return monitors([up, down, paused]);
      },
    });
    renderApp(<MonitorsRoute />, { session: 'OWNER' });
    expect(await screen.findAllByTestId('monitor-row')).toHaveLength(3);
    expect(calls[0]?.variables).toEqual({ first: 100, after: null, filter: { status: null, kind: null, tag: null, text: null }, orderBy: 'NEWEST' });

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'DOWN' } });
    await waitFor(() => expect(screen.getAllByTestId('monitor-row')).toHaveLength(1));
    expect(screen.getByTestId('monitor-row')).toHaveTextContent('Website');
    expect(calls.at(-1)?.variables).toEqual({ first: 100, after: null, filter: { status: 'DOWN', kind: null, tag: null, text: null }, orderBy: 'NEWEST' });

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    await waitFor(() => expect(screen.getAllByTestId('monitor-row')).toHaveLength(3));
    const before = calls.length;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'd' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'da' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'data' } });
    // Nothing is sent while typing.
    expect(calls.length).toBe(before);
    await waitFor(() => expect(screen.getAllByTestId('monitor-row')).toHaveLength(1));
    expect(calls.slice(before).map((c) => c.variables)).toEqual([{ first: 100, after: null, filter: { status: null, kind: null, tag: null, text: 'data' }, orderBy: 'NEWEST' }]);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'TCP' } });
    await waitFor(() => expect(calls.at(-1)?.variables).toEqual({ first: 100, after: null, filter: { status: null, kind: 'TCP', tag: null, text: null }, orderBy: 'NEWEST' }));
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'prod' } });
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'STATUS' } });
    await waitFor(() => expect(calls.at(-1)?.variables).toEqual({ first: 100, after: null, filter: { status: null, kind: 'TCP', tag: 'prod', text: null }, orderBy: 'STATUS' }));
  });

  it('loads the next page as the end of the list comes near, rendering only the rows on screen', async () => {
    const { calls } = mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }),
      Monitors: (vars) => (vars.after === null ? monitors(many(0, 20), 'cursor-1') : monitors(many(20, 100), 'cursor-2')),
    });
    renderApp(<MonitorsRoute />, { session: 'OWNER' });
    await screen.findAllByTestId('monitor-row');
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'Monitors').map((c) => c.variables.after)).toEqual([null, 'cursor-1']));
    // 120 monitors loaded; only the first screenful (plus a few) is in the DOM.
    await waitFor(() => expect(screen.getByTestId('monitor-table-foot')).toHaveTextContent('120 monitors loaded; scroll for more.'));
    const rendered = screen.getAllByTestId('monitor-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByRole('table', { name: 'Monitors' })).toHaveAttribute('aria-rowcount', '-1');
    // A 0 ms response still has a bar.
    expect(screen.getAllByTestId('response-meter')[1]).toHaveStyle({ width: '0%' });
  });

  it('moves between rows with the arrow keys, Home and End', async () => {
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: () => monitors(many(0, 12)) });
    const { user } = renderApp(<MonitorsRoute />, { session: 'OWNER' });
    const first = await screen.findByRole('link', { name: 'Monitor 0' });
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: 'Monitor 1' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('link', { name: 'Monitor 11' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('link', { name: 'Monitor 10' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(first).toHaveFocus();
    expect(screen.getByTestId('monitor-table-foot')).toHaveTextContent('12 monitors');
    expect(screen.getByRole('table', { name: 'Monitors' })).toHaveAttribute('aria-rowcount', '13');
  });

  it('says when nothing matches the filter', async () => {
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: (vars) => ((vars.filter as { status: string | null }).status ? monitors([]) : monitors([up])) });
    renderApp(<MonitorsRoute />, { session: 'OWNER' });
    await screen.findByTestId('monitor-row');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'PAUSED' } });
    expect(await screen.findByText('No monitors match.')).toBeInTheDocument();
  });

  it('asks again every 10 seconds, so status changes appear without reloading', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), Monitors: (_v, call) => monitors([call === 0 ? up : { ...up, status: 'DOWN', lastError: 'connection refused' }]) });
    renderApp(<MonitorsRoute />, { session: 'OWNER' });
    expect(await screen.findByTestId('monitor-status')).toHaveTextContent('Up');

    await act(() => vi.advanceTimersByTimeAsync(MONITOR_POLL_MS + SEARCH_DEBOUNCE_MS));
    await waitFor(() => expect(screen.getByTestId('monitor-status')).toHaveTextContent('Down'));
    expect(screen.getByTestId('monitor-last-error')).toHaveTextContent('connection refused');
  });
});

describe('NewMonitorRoute', { timeout: 20_000 }, () => {
  function renderForm() {
    return renderApp(<NewMonitorRoute />, {
      session: 'MEMBER',
      route: '/app/monitors/new',
      path: '/app/monitors/new',
      routes: [{ path: '/app/monitors/:id', element: <p data-testid="monitor-page">Monitor page</p> }],
    });
  }

  it('names missing fields and focuses the first, without sending anything', async () => {
    const { calls } = mockGraphQL({ MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }) });
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: /TCP/ }));
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));

    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Enter a name for the monitor\./);
    expect(screen.getByRole('textbox', { name: 'Host' })).toHaveAccessibleDescription('Enter the host to connect to.');
    expect(screen.getByRole('textbox', { name: 'Port' })).toHaveAccessibleDescription('Enter the port.');
    expect(calls.filter((c) => c.operationName === 'CreateMonitor')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Database');
    await user.type(screen.getByRole('textbox', { name: 'Host' }), 'db.example.com');
    await user.type(screen.getByRole('textbox', { name: 'Port' }), '70000');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    expect(screen.getByRole('textbox', { name: 'Port' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Port' })).toHaveAccessibleDescription('The port must be a number from 1 to 65535.');
  });

  it('creates an HTTP monitor and opens its page', async () => {
    const { calls } = mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), CreateMonitor: () => ({ data: { createMonitor: { id: 'm9', name: 'Website' } } }) });
    const { user, router } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Website ');
    await user.type(screen.getByRole('textbox', { name: 'URL' }), 'https://example.com/health');
    await user.selectOptions(screen.getByLabelText('Method'), 'HEAD');
    await user.type(screen.getByRole('textbox', { name: 'Expected status' }), '200, 3xx');
    await user.selectOptions(screen.getByLabelText('Check every'), '300');
    await user.selectOptions(screen.getByLabelText('Down after'), '1');
    await user.type(screen.getByLabelText('Tags'), 'Prod{Enter}web,');
    expect(screen.getByRole('list', { name: 'Tags added' })).toHaveTextContent('prod×web×');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));

    expect(await screen.findByTestId('monitor-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/monitors/m9');
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toEqual({
      input: {
        name: 'Website',
        tags: ['prod', 'web'],
        intervalSeconds: 300,
        failureThreshold: 1,
        http: { url: 'https://example.com/health', method: 'HEAD', expectedStatus: ['200', '3xx'] },
      },
    });
    expect(await screen.findByText('Monitor created')).toBeInTheDocument();
  });

  it('puts the server’s field errors on their fields (http.url → URL) and focuses it', async () => {
    mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }),
      CreateMonitor: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'http.url', message: 'targets a private address' }] }),
    });
    const { user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Router');
    await user.type(screen.getByRole('textbox', { name: 'URL' }), 'http://192.168.1.1');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));

    const field = screen.getByRole('textbox', { name: 'URL' });
    await waitFor(() => expect(field).toHaveAccessibleDescription('Targets a private address.'));
    expect(field).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('creates a heartbeat monitor with its grace period', async () => {
    const { calls } = mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: ['prod', 'eu'] } }), CreateMonitor: () => ({ data: { createMonitor: { id: 'h1', name: 'Backup' } } }) });
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: /Heartbeat/ }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Backup');
    await user.clear(screen.getByRole('textbox', { name: 'Grace period (seconds)' }));
    await user.type(screen.getByRole('textbox', { name: 'Grace period (seconds)' }), '600');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));

    expect(await screen.findByTestId('monitor-page')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toEqual({ input: { name: 'Backup', tags: [], intervalSeconds: 60, failureThreshold: 2, heartbeat: { graceSeconds: 600 } } });
  });

  it('creates a heartbeat on a cron schedule in a chosen time zone', async () => {
    const { calls } = mockGraphQL({
      MonitorTags: () => ({ data: { monitorTags: [] } }),
      CreateMonitor: () => ({ data: { createMonitor: { id: 'h2', name: 'Nightly' } } }),
    });
    const { user } = renderForm();
    await user.click(screen.getByRole('radio', { name: /Heartbeat/ }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Nightly');
    await user.click(screen.getByRole('radio', { name: /On a cron schedule/ }));
    expect(screen.queryByLabelText('Expected every')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    expect(screen.getByRole('textbox', { name: 'Cron expression' })).toHaveFocus();

    await user.type(screen.getByRole('textbox', { name: 'Cron expression' }), '30 2 * * 1-5');
    expect(screen.getByText('Every weekday at 02:30.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Berlin');
    await user.clear(screen.getByRole('textbox', { name: 'Grace period (seconds)' }));
    await user.type(screen.getByRole('textbox', { name: 'Grace period (seconds)' }), '0');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));

    expect(await screen.findByTestId('monitor-page')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toEqual({
      input: { name: 'Nightly', tags: [], intervalSeconds: 60, failureThreshold: 2, heartbeat: { graceSeconds: 0, cron: '30 2 * * 1-5', timeZone: 'Europe/Berlin' } },
    });
  });

  it('refuses a malformed tag before sending', async () => {
    mockGraphQL({ MonitorTags: () => ({ data: { monitorTags: [] } }) });
    const { user } = renderForm();
    const tags = screen.getByLabelText('Tags');
    await user.type(tags, 'Bad Tag!{Enter}');
    expect(tags).toHaveAccessibleDescription(/“Tag!” is not a tag/);
    expect(tags).toHaveValue('Tag!');
    expect(screen.getByRole('list', { name: 'Tags added' })).toHaveTextContent('bad');
    await user.click(screen.getByRole('button', { name: 'Remove tag bad' }));
    expect(screen.queryByRole('list', { name: 'Tags added' })).not.toBeInTheDocument();
  });

  it('tells viewers they cannot create monitors', () => {
    renderApp(<NewMonitorRoute />, { session: 'VIEWER' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('You don’t have access to this page');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
