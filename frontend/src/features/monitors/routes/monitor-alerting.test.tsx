import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { EditMonitorRoute, NewMonitorRoute } from './monitors';

function renderCreate(graphql: RenderAppOptions['graphql']) {
  return renderApp(<NewMonitorRoute />, {
    session: 'MEMBER',
    route: '/app/monitors/new',
    path: '/app/monitors/new',
    routes: [{ path: '/app/monitors/:id', element: <p data-testid="monitor-page">Monitor page</p> }],
    graphql: { MonitorTags: () => ({ data: { monitorTags: [] } }), ...graphql },
  });
}

const settings = {
  id: 'm1',
  name: 'Website',
  kind: 'TCP',
  tags: [],
  intervalSeconds: 60,
  timeoutSeconds: 10,
  retryIntervalSeconds: 20,
  failureThreshold: 3,
  recoveryThreshold: 1,
  failureWindowSeconds: 600,
  flapThreshold: 0,
  flapWindowSeconds: 1800,
  degradedResponseMs: 0,
  http: null,
  tcp: { host: 'db.example.com', port: 5432 },
  dns: null,
  tls: null,
  heartbeat: null,
};

function renderEdit(graphql: RenderAppOptions['graphql'] = {}) {
  return renderApp(<EditMonitorRoute />, {
    session: 'MEMBER',
    route: '/app/monitors/m1/edit',
    path: '/app/monitors/:id/edit',
    routes: [{ path: '/app/monitors/:id', element: <p data-testid="monitor-page">Monitor page</p> }],
    graphql: { MonitorSettings: () => ({ data: { monitor: settings } }), MonitorTags: () => ({ data: { monitorTags: [] } }), ...graphql },
  });
}

const created = () => ({ data: { createMonitor: { id: 'm9', name: 'Database' } } });

async function fillTcp(user: ReturnType<typeof renderCreate>['user']) {
  await user.click(screen.getByRole('radio', { name: /TCP/ }));
  await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Database');
  await user.type(screen.getByRole('textbox', { name: 'Host' }), 'db.example.com');
  await user.type(screen.getByRole('textbox', { name: 'Port' }), '5432');
}

describe('Monitor form: alerting', { timeout: 20_000 }, () => {
  it('counts failures in a row and detects flapping by default, sending nothing extra', async () => {
    const { user, calls } = renderCreate({ CreateMonitor: created });
    const alerting = screen.getByRole('group', { name: 'Alerting' });
    expect(within(alerting).getByRole('radio', { name: /Failures in a row/ })).toBeChecked();
    expect(within(alerting).getByRole('checkbox', { name: 'Detect flapping' })).toBeChecked();
    expect(within(alerting).getByRole('textbox', { name: 'Changes (down or up)' })).toHaveValue('6');
    expect(within(alerting).getByRole('textbox', { name: 'Flap window (minutes)' })).toHaveValue('60');
    expect(within(alerting).queryByRole('textbox', { name: 'Failure window (minutes)' })).not.toBeInTheDocument();
    await fillTcp(user);
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    await screen.findByTestId('monitor-page');
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toEqual({
      input: { name: 'Database', tags: [], intervalSeconds: 60, failureThreshold: 2, tcp: { host: 'db.example.com', port: 5432 } },
    });
  });

  it('sends a failure window in seconds, and flapThreshold 0 when flap detection is off', async () => {
    const { user, calls } = renderCreate({ CreateMonitor: created });
    await fillTcp(user);
    await user.click(screen.getByRole('radio', { name: /Failures within a time window/ }));
    await user.selectOptions(screen.getByLabelText('Down after'), '3');
    expect(screen.getByRole('option', { name: '3 failed checks' })).toBeInTheDocument();
    const window = screen.getByRole('textbox', { name: 'Failure window (minutes)' });
    await user.clear(window);
    await user.type(window, '15');
    await user.click(screen.getByRole('checkbox', { name: 'Detect flapping' }));
    expect(screen.queryByRole('textbox', { name: 'Changes (down or up)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    await screen.findByTestId('monitor-page');
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toEqual({
      input: {
        name: 'Database',
        tags: [],
        intervalSeconds: 60,
        failureThreshold: 3,
        failureWindowSeconds: 900,
        flapThreshold: 0,
        tcp: { host: 'db.example.com', port: 5432 },
      },
    });
  });

  it('sends changed flap settings in seconds', async () => {
    const { user, calls } = renderCreate({ CreateMonitor: created });
    await fillTcp(user);
    const changes = screen.getByRole('textbox', { name: 'Changes (down or up)' });
    await user.clear(changes);
    await user.type(changes, '4');
    const window = screen.getByRole('textbox', { name: 'Flap window (minutes)' });
    await user.clear(window);
    await user.type(window, '30');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    await screen.findByTestId('monitor-page');
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toMatchObject({ input: { flapThreshold: 4, flapWindowSeconds: 1800 } });
  });

  it('sends a response-time limit for degradation, and none when left empty', async () => {
    const { user, calls } = renderCreate({ CreateMonitor: created });
    await fillTcp(user);
    const slow = screen.getByRole('textbox', { name: 'Degraded above (ms)' });
    await user.type(slow, '0.5');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    expect(slow).toHaveFocus();
    expect(slow).toHaveAccessibleDescription(/from 1 to 60,000/);
    expect(calls.some((c) => c.operationName === 'CreateMonitor')).toBe(false);
    await user.clear(slow);
    await user.type(slow, '800');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    await screen.findByTestId('monitor-page');
    expect(calls.find((c) => c.operationName === 'CreateMonitor')?.variables).toMatchObject({ input: { degradedResponseMs: 800 } });
  });

  it('checks the alerting numbers before sending', async () => {
    const { user, calls } = renderCreate({ CreateMonitor: created });
    await fillTcp(user);
    const changes = screen.getByRole('textbox', { name: 'Changes (down or up)' });
    await user.clear(changes);
    await user.type(changes, '2');
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    expect(changes).toHaveFocus();
    expect(changes).toHaveAccessibleDescription(/from 3 to 50/);
    expect(calls.some((c) => c.operationName === 'CreateMonitor')).toBe(false);
  });

  it('puts the server’s errors on the alerting fields next to them', async () => {
    const { user } = renderCreate({
      CreateMonitor: () =>
        gqlError('invalid input', {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'failureWindowSeconds', message: 'must be 0 or from 60 to 86400' },
            { field: 'flapWindowSeconds', message: 'must be from 300 to 86400' },
          ],
        }),
    });
    await fillTcp(user);
    await user.click(screen.getByRole('radio', { name: /Failures within a time window/ }));
    await user.click(screen.getByRole('button', { name: 'Create monitor' }));
    const window = screen.getByRole('textbox', { name: 'Failure window (minutes)' });
    await waitFor(() => expect(window).toHaveAccessibleDescription(/^Must be 0 or from 60 to 86400\./));
    expect(window).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Flap window (minutes)' })).toHaveAccessibleDescription(/^Must be from 300 to 86400\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('fills the edit form from the monitor and sends only what changed', async () => {
    const { user, calls } = renderEdit({ UpdateMonitor: () => ({ data: { updateMonitor: { id: 'm1', name: 'Website' } } }) });
    const window = await screen.findByRole('textbox', { name: 'Failure window (minutes)' });
    expect(window).toHaveValue('10');
    expect(screen.getByRole('radio', { name: /Failures within a time window/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Detect flapping' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Detect flapping' }));
    // Turned back on: the saved window, and the default number of changes.
    expect(screen.getByRole('textbox', { name: 'Flap window (minutes)' })).toHaveValue('30');
    expect(screen.getByRole('textbox', { name: 'Changes (down or up)' })).toHaveValue('6');
    await user.click(screen.getByRole('radio', { name: /Failures in a row/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByTestId('monitor-page');
    expect(calls.find((c) => c.operationName === 'UpdateMonitor')?.variables).toEqual({
      id: 'm1',
      input: { name: 'Website', tags: [], intervalSeconds: 60, failureThreshold: 3, failureWindowSeconds: 0, flapThreshold: 6, tcp: { host: 'db.example.com', port: 5432 } },
    });
  });
});

