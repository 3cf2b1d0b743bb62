import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { EditMonitorRoute } from './monitors';

const http = {
  url: 'https://example.com/health',
  method: 'GET',
  headers: [{ name: 'Authorization', value: 'Bearer x' }],
  body: null,
  expectedStatus: ['200', '3xx'],
  followRedirects: false,
  verifyTls: true,
  keyword: 'ok',
  keywordAbsent: false,
  jsonPath: null,
  jsonComparison: null,
  jsonValue: null,
  tlsWarnDays: 7,
};

const settings = {
  id: 'm1',
  name: 'Website',
  kind: 'HTTP',
  tags: ['prod'],
  intervalSeconds: 120,
  timeoutSeconds: 10,
  retryIntervalSeconds: 20,
  failureThreshold: 3,
  recoveryThreshold: 1,
  failureWindowSeconds: 0,
  flapThreshold: 6,
  flapWindowSeconds: 3600,
  degradedResponseMs: 0,
  http,
  tcp: null,
  dns: null,
  tls: null,
  heartbeat: null,
};

function renderEdit(role: 'MEMBER' | 'VIEWER' = 'MEMBER', graphql: RenderAppOptions['graphql'] = {}) {
  return renderApp(<EditMonitorRoute />, {
    session: role,
    route: '/app/monitors/m1/edit',
    path: '/app/monitors/:id/edit',
    routes: [{ path: '/app/monitors/:id', element: <p data-testid="monitor-page">Monitor page</p> }],
    graphql: { MonitorSettings: () => ({ data: { monitor: settings } }), MonitorTags: () => ({ data: { monitorTags: ['prod', 'web'] } }), ...graphql },
  });
}

describe('EditMonitorRoute', { timeout: 20_000 }, () => {
  it('fills the shared form with the monitor’s settings; the kind is shown, not offered', async () => {
    renderEdit();
    const form = await screen.findByRole('form', { name: 'Edit monitor' });
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Website');
    expect(within(form).getByRole('textbox', { name: 'URL' })).toHaveValue('https://example.com/health');
    expect(within(form).getByRole('textbox', { name: 'Expected status' })).toHaveValue('200, 3xx');
    // 2 minutes is not one of the usual choices, so it is added rather than lost.
    expect(within(form).getByLabelText('Check every')).toHaveValue('120');
    expect(within(form).getByRole('option', { name: '2 min' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Down after')).toHaveValue('3');
    expect(within(form).queryByRole('radio', { name: /HTTP|TCP/ })).not.toBeInTheDocument();
    expect(within(form).getByTestId('monitor-kind')).toHaveTextContent('HTTP');
    expect(screen.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', '/app/monitors/m1');
  });

  it('saves the changes, keeping the HTTP settings the form does not show, and returns to the monitor', async () => {
    const { user, calls, router } = renderEdit('MEMBER', { UpdateMonitor: () => ({ data: { updateMonitor: { id: 'm1', name: 'Homepage' } } }) });
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Homepage');
    await user.selectOptions(screen.getByLabelText('Method'), 'HEAD');
    await user.type(screen.getByLabelText('Tags'), 'web{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByTestId('monitor-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/monitors/m1');
    expect(calls.find((c) => c.operationName === 'UpdateMonitor')?.variables).toEqual({
      id: 'm1',
      input: {
        name: 'Homepage',
        tags: ['prod', 'web'],
        intervalSeconds: 120,
        failureThreshold: 3,
        http: { ...http, method: 'HEAD', expectedStatus: ['200', '3xx'] },
      },
    });
    expect(await screen.findByText('Monitor saved')).toBeInTheDocument();
  });

  it('puts the server’s field errors under the named field and focuses it', async () => {
    const { user } = renderEdit('MEMBER', {
      UpdateMonitor: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'http.url', message: 'targets a private address' }] }),
    });
    const url = await screen.findByRole('textbox', { name: 'URL' });
    await user.clear(url);
    await user.type(url, 'http://10.0.0.1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(url).toHaveAccessibleDescription('Targets a private address.'));
    expect(url).toHaveFocus();
  });

  it('checks its own fields before sending', async () => {
    const { user, calls } = renderEdit();
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(/Enter a name for the monitor\./);
    expect(calls.some((c) => c.operationName === 'UpdateMonitor')).toBe(false);
  });

  it('switches a heartbeat from a cron schedule back to an interval, clearing the cron', async () => {
    const heartbeat = { ...settings, kind: 'HEARTBEAT', http: null, tags: [], heartbeat: { graceSeconds: 60, cron: '0 3 * * *', timeZone: 'Europe/Berlin' } };
    const { user, calls } = renderEdit('MEMBER', {
      MonitorSettings: () => ({ data: { monitor: heartbeat } }),
      UpdateMonitor: () => ({ data: { updateMonitor: { id: 'm1', name: 'Website' } } }),
    });
    expect(await screen.findByRole('textbox', { name: 'Cron expression' })).toHaveValue('0 3 * * *');
    expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Berlin');
    await user.click(screen.getByRole('radio', { name: /Every interval/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByTestId('monitor-page');
    expect(calls.find((c) => c.operationName === 'UpdateMonitor')?.variables).toEqual({
      id: 'm1',
      input: { name: 'Website', tags: [], intervalSeconds: 120, failureThreshold: 3, heartbeat: { cron: null, graceSeconds: 60 } },
    });
  });

  it('says when the monitor does not exist', async () => {
    renderEdit('MEMBER', { MonitorSettings: () => gqlError('not found', { code: 'NOT_FOUND' }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('This monitor does not exist, or was deleted.');
  });

  it('tells viewers they cannot change monitors', () => {
    renderEdit('VIEWER');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('You don’t have access to this page');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
