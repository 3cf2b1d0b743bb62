import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { AlertChannelRoute, AlertsRoute, NewAlertChannelRoute } from './alerts';

type Role = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

const base = {
  recipient: null,
  priority: null,
  addresses: [] as string[],
  hasSecret: true,
  previousSecretValidUntil: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const webhook = {
  ...base,
  id: 'c1',
  name: 'Ops webhook',
  kind: 'WEBHOOK',
  url: 'https://example.com/hooks/beacon',
  routing: { allMonitors: true, monitorIds: [] as string[], events: ['DOWN', 'UP'] },
};
const slack = {
  ...base,
  id: 'c2',
  name: 'On-call Slack',
  kind: 'SLACK',
  url: 'https://hooks.slack.com/…',
  routing: { allMonitors: false, monitorIds: ['m1', 'm2', 'm3'], events: ['DOWN'] },
};
const email = {
  ...base,
  id: 'c3',
  name: 'Founders',
  kind: 'EMAIL',
  url: null,
  hasSecret: false,
  addresses: ['ada@example.com', 'bob@example.com'],
  routing: { allMonitors: true, monitorIds: [] as string[], events: [] as string[] },
};

function delivery(overrides: Record<string, unknown> = {}) {
  return {
    id: 'd1',
    event: 'TEST',
    type: 'test',
    status: 'DELIVERED',
    monitorId: null,
    attempts: 1,
    maxAttempts: 8,
    lastStatusCode: 200,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: '2026-01-01T00:00:01Z',
    createdAt: '2026-01-01T00:00:00Z',
    attemptLog: [{ attempt: 1, statusCode: 200, error: null, durationMs: 42, at: '2026-01-01T00:00:01Z' }],
    ...overrides,
  };
}

const connection = (nodes: unknown[]) => ({ data: { alertDeliveries: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } });
const monitors = {
  data: {
    monitors: {
      nodes: [
        { id: 'm1', name: 'API', target: 'https://api.example.com' },
        { id: 'm2', name: 'Website', target: 'https://example.com' },
      ],
      pageInfo: { hasNextPage: false },
    },
  },
};

describe('AlertsRoute', () => {
  function renderList(role: Role, channels: unknown[]) {
    return renderApp(<AlertsRoute />, { session: role, graphql: { AlertChannels: () => ({ data: { alertChannels: channels } }) } });
  }

  it('lists channels with their kind, destination and routing', async () => {
    renderList('OWNER', [webhook, slack, email]);
    const rows = await screen.findAllByTestId('alert-channel-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: 'Ops webhook' })).toHaveAttribute('href', '/app/alerts/c1');
    expect(rows[0]).toHaveTextContent('Webhook');
    expect(rows[0]).toHaveTextContent('https://example.com/hooks/beacon');
    expect(rows[0]).toHaveTextContent('All monitors · down, up');
    expect(rows[1]).toHaveTextContent('Slack');
    expect(rows[1]).toHaveTextContent('https://hooks.slack.com/…');
    expect(rows[1]).toHaveTextContent('3 monitors · down');
    expect(rows[2]).toHaveTextContent('ada@example.com, bob@example.com');
    expect(rows[2]).toHaveTextContent('Not routed');
    expect(screen.getByRole('link', { name: 'Add channel' })).toHaveAttribute('href', '/app/alerts/new');
  });

  it('explains channels when there are none, with a next step', async () => {
    renderList('ADMIN', []);
    expect(await screen.findByText('No alert channels yet.')).toBeInTheDocument();
    expect(screen.getByText(/A channel is where Beacon tells you/)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Add channel' })).toHaveLength(2);
  });

  it('offers members and viewers no way to add channels', async () => {
    renderList('MEMBER', []);
    expect(await screen.findByText('No alert channels yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add channel' })).not.toBeInTheDocument();
    expect(screen.getByText('Admins and owners add channels.')).toBeInTheDocument();
  });
});

/** The new-channel page; creating a channel leads to a stub of its page. */
function renderNew(route = '/app/alerts/new', graphql: RenderAppOptions['graphql'] = {}, role: Role = 'OWNER') {
  return renderApp(<NewAlertChannelRoute />, {
    session: role,
    route,
    path: '/app/alerts/new',
    routes: [{ path: '/app/alerts/:id', element: <p data-testid="channel-page">Channel</p> }],
    graphql: {
      CreateAlertChannel: (v) => {
        const input = v.input as { name: string; kind: string };
        return { data: { createAlertChannel: { channel: { id: 'c9', name: input.name, kind: input.kind }, signingSecret: null } } };
      },
      ...graphql,
    },
  });
}

describe('NewAlertChannelRoute', { timeout: 20_000 }, () => {
  it('offers every kind as a card; arrow keys move between them', async () => {
    const { user, router } = renderNew();
    const grid = screen.getByRole('list', { name: 'Channel kinds' });
    expect(within(grid).getAllByRole('link')).toHaveLength(15);
    within(grid).getByRole('link', { name: /Email/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(grid).getByRole('link', { name: /Webhook/ })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(grid).getByRole('link', { name: /Matrix/ })).toHaveFocus();
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?kind=slack'));
    expect(await screen.findByRole('heading', { level: 1, name: 'New Slack channel' })).toHaveFocus();
  });

  it('shows only the fields of the chosen kind, with where to find them', () => {
    renderNew('/app/alerts/new?kind=slack');
    const form = screen.getByRole('form', { name: 'New Slack channel' });
    expect(within(form).getByRole('textbox', { name: 'Incoming webhook URL' })).toHaveAccessibleDescription(/Apps → Incoming Webhooks/);
    expect(within(form).queryByLabelText(/token/i)).not.toBeInTheDocument();
    expect(within(form).queryByLabelText(/Address/)).not.toBeInTheDocument();
  });

  it('asks Telegram for a bot token and chat id, the API base being optional', () => {
    renderNew('/app/alerts/new?kind=telegram');
    const form = screen.getByRole('form', { name: 'New Telegram channel' });
    expect(within(form).getByLabelText('Bot token')).toHaveAttribute('type', 'password');
    expect(within(form).getByRole('textbox', { name: 'Chat ID' })).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'API base URL (optional)' })).toBeInTheDocument();
    expect(within(form).queryByLabelText('Priority')).not.toBeInTheDocument();
  });

  it('gives ntfy a topic URL, an optional token and a priority', async () => {
    const { user, calls } = renderNew('/app/alerts/new?kind=ntfy');
    const form = screen.getByRole('form', { name: 'New ntfy channel' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Phones');
    await user.type(within(form).getByRole('textbox', { name: 'Topic URL' }), 'https://ntfy.sh/my-alerts');
    await user.selectOptions(within(form).getByLabelText('Priority'), '5');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));
    expect(await screen.findByTestId('channel-page')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'CreateAlertChannel')?.variables).toEqual({
      input: { name: 'Phones', kind: 'NTFY', url: 'https://ntfy.sh/my-alerts', priority: 5 },
    });
  });

  it('checks required fields before sending', async () => {
    const { user, calls } = renderNew('/app/alerts/new?kind=matrix');
    const form = screen.getByRole('form', { name: 'New Matrix channel' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Room');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));
    expect(within(form).getByRole('textbox', { name: 'Homeserver URL' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Homeserver URL' })).toHaveAccessibleDescription(/Enter the homeserver URL\./);
    expect(within(form).getByLabelText('Access token')).toHaveAccessibleDescription(/Enter the access token\./);
    expect(calls.some((c) => c.operationName === 'CreateAlertChannel')).toBe(false);
  });

  it('puts the server’s field errors under the field, one address at a time', async () => {
    const { user, calls } = renderNew('/app/alerts/new?kind=email', {
      CreateAlertChannel: () =>
        gqlError('invalid input', {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'addresses[1]', message: 'is not a deliverable address' }],
        }),
    });
    const form = screen.getByRole('form', { name: 'New Email channel' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Founders');
    await user.type(within(form).getByRole('textbox', { name: 'Address 1' }), 'ada@example.com');
    await user.click(within(form).getByRole('button', { name: 'Add address' }));
    expect(within(form).getByRole('textbox', { name: 'Address 2' })).toHaveFocus();
    await user.keyboard('bob@example.invalid');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));
    const second = within(form).getByRole('textbox', { name: 'Address 2' });
    await waitFor(() => expect(second).toHaveAccessibleDescription(/Is not a deliverable address\./));
    expect(second).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Address 1' })).not.toHaveAccessibleDescription(/deliverable/);
    expect(calls.find((c) => c.operationName === 'CreateAlertChannel')?.variables).toEqual({
      input: { name: 'Founders', kind: 'EMAIL', addresses: ['ada@example.com', 'bob@example.invalid'] },
    });
  });

  it('maps a url error from the server to the webhook URL field', async () => {
    const { user } = renderNew('/app/alerts/new?kind=discord', {
      CreateAlertChannel: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'url', message: 'must be a Discord webhook URL' }] }),
    });
    const form = screen.getByRole('form', { name: 'New Discord channel' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Ops');
    await user.type(within(form).getByRole('textbox', { name: 'Webhook URL' }), 'https://example.com/x');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));
    const url = within(form).getByRole('textbox', { name: 'Webhook URL' });
    await waitFor(() => expect(url).toHaveAccessibleDescription(/Must be a Discord webhook URL\./));
    expect(url).toHaveFocus();
  });

  it('shows a new webhook’s signing secret once, then opens the channel', async () => {
    const { user, router } = renderNew('/app/alerts/new?kind=webhook', {
      CreateAlertChannel: () => ({
        data: { createAlertChannel: { channel: { id: 'c9', name: 'Receiver', kind: 'WEBHOOK' }, signingSecret: 'whsec_c2VjcmV0LXNpZ25pbmcta2V5' } },
      }),
    });
    const form = screen.getByRole('form', { name: 'New Webhook channel' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Receiver');
    await user.type(within(form).getByRole('textbox', { name: 'Receiver URL' }), 'https://example.com/hooks');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));

    const dialog = await screen.findByRole('dialog', { name: 'Your webhook signing secret' });
    expect(within(dialog).getByTestId('signing-secret')).toHaveTextContent('whsec_c2VjcmV0LXNpZ25pbmcta2V5');
    expect(dialog).toHaveTextContent('you won’t see it again');
    expect(within(dialog).getByRole('button', { name: 'Copy signing secret' })).toBeInTheDocument();
    // Still on the form until the secret is acknowledged.
    expect(router.state.location.pathname).toBe('/app/alerts/new');
    await user.click(within(dialog).getByRole('button', { name: 'I’ve saved it' }));
    expect(await screen.findByTestId('channel-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/alerts/c9');
    expect(screen.queryByText(/whsec_/)).not.toBeInTheDocument();
  });

  it('is closed to members', () => {
    renderNew('/app/alerts/new', {}, 'MEMBER');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('You don’t have access to this page');
    expect(screen.queryByRole('list', { name: 'Channel kinds' })).not.toBeInTheDocument();
  });
});

describe('AlertChannelRoute', { timeout: 20_000 }, () => {
  function renderChannel(channel: unknown, role: Role = 'OWNER', graphql: RenderAppOptions['graphql'] = {}) {
    return renderApp(<AlertChannelRoute />, {
      session: role,
      route: `/app/alerts/${(channel as { id: string }).id}`,
      path: '/app/alerts/:id',
      routes: [{ path: '/app/alerts', element: <p data-testid="list">List</p> }],
      graphql: {
        AlertChannel: () => ({ data: { alertChannel: channel } }),
        AlertDeliveries: () => connection([]),
        AlertMonitorOptions: () => monitors,
        AlertMonitorName: (v) => ({ data: { monitor: { id: v.id, name: `Monitor ${String(v.id)}` } } }),
        ...graphql,
      },
    });
  }

  it('sends a test and shows the new delivery at the top of the log', async () => {
    const older = delivery({ id: 'd0', event: 'DOWN', type: 'monitor.down', createdAt: '2025-12-31T00:00:00Z' });
    const { user, calls } = renderChannel(webhook, 'OWNER', {
      AlertDeliveries: (_v, call) => (call === 0 ? connection([older]) : connection([delivery({ id: 'd2', status: 'QUEUED', attempts: 0, lastStatusCode: null, deliveredAt: null, attemptLog: [] }), older])),
      TestAlertChannel: () => ({ data: { testAlertChannel: { id: 'd2', status: 'QUEUED' } } }),
    });
    expect(await screen.findAllByTestId('delivery-row')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    await waitFor(() => expect(screen.getAllByTestId('delivery-row')).toHaveLength(2));
    expect(calls.find((c) => c.operationName === 'TestAlertChannel')?.variables).toEqual({ id: 'c1' });
    const [first] = screen.getAllByTestId('delivery-row');
    expect(first).toHaveTextContent('Test');
    expect(within(first!).getByTestId('delivery-status')).toHaveTextContent('Queued');
    expect(within(first!).getByTestId('delivery-attempts')).toHaveTextContent('0/8');
    expect(await screen.findByText('Test queued')).toBeInTheDocument();
  });

  it('expands a delivery’s attempt log and retries a dead one', async () => {
    const dead = delivery({
      id: 'd3',
      event: 'DOWN',
      type: 'monitor.down',
      status: 'DEAD',
      attempts: 8,
      lastStatusCode: 500,
      lastError: 'receiver answered 500',
      deliveredAt: null,
      attemptLog: [
        { attempt: 1, statusCode: 500, error: 'receiver answered 500', durationMs: 80, at: '2026-01-01T00:00:01Z' },
        { attempt: 2, statusCode: null, error: 'connection refused', durationMs: 3, at: '2026-01-01T00:01:01Z' },
      ],
    });
    const { user, calls } = renderChannel(webhook, 'MEMBER', {
      AlertDeliveries: () => connection([dead]),
      RequeueAlertDelivery: () => ({ data: { requeueAlertDelivery: { id: 'd3', status: 'QUEUED' } } }),
    });
    const row = await screen.findByTestId('delivery-row');
    expect(within(row).getByTestId('delivery-status')).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('8/8');
    const toggle = within(row).getByRole('button', { name: /^Attempts of the down delivery/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const attempts = screen.getAllByTestId('delivery-attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toHaveTextContent('connection refused');
    expect(screen.getByText(/Last error:/)).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /^Retry/ }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'RequeueAlertDelivery')?.variables).toEqual({ id: 'd3' }));
  });

  it('names each delivery by its message type, in the tone of what it says', async () => {
    renderChannel(webhook, 'OWNER', {
      AlertDeliveries: () =>
        connection([
          delivery({ id: 'd5', event: 'CERTIFICATE', type: 'certificate.expiring', monitorId: 'm1' }),
          delivery({ id: 'd6', event: 'DEGRADED', type: 'monitor.healthy', monitorId: 'm1' }),
          delivery({ id: 'd7', event: 'UP', type: 'monitor.up', monitorId: 'm1' }),
          delivery({ id: 'd8', event: 'DOWN', type: 'monitor.flapping', monitorId: 'm1' }),
          delivery({ id: 'd9', event: 'INCIDENT', type: 'incident.update' }),
          // A type this SPA does not know yet: named by its event.
          delivery({ id: 'd10', event: 'CERTIFICATE', type: 'certificate.revoked' }),
        ]),
    });
    const rows = await screen.findAllByTestId('delivery-row');
    const labels = rows.map((row) => within(row).getByTestId('delivery-event'));
    expect(labels.map((label) => label.textContent)).toEqual([
      'Certificate expiring',
      'No longer degraded',
      'Recovered',
      'Flapping',
      'Incident update',
      'Certificate',
    ]);
    expect(labels[0]).toHaveClass('badge--warning');
    expect(labels[1]).toHaveClass('badge--success');
    expect(labels[3]).toHaveClass('badge--danger');
    expect(rows[0]).toHaveAttribute('data-type', 'certificate.expiring');
    expect(within(rows[0]!).getByRole('button', { name: /^Attempts of the certificate expiring delivery/ })).toBeInTheDocument();
  });

  it('saves routing to chosen monitors and events', async () => {
    const { user, calls } = renderChannel(webhook, 'OWNER', {
      SetAlertChannelRouting: (v) => ({ data: { setAlertChannelRouting: { id: 'c1', routing: (v.input as object) } } }),
    });
    const save = await screen.findByRole('button', { name: 'Save routing' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: /Chosen monitors/ }));
    await user.click(await screen.findByRole('checkbox', { name: /API/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Up/ }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Routed monitors' })).toHaveTextContent('Monitor m1'));
    await user.click(save);
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'SetAlertChannelRouting')?.variables).toEqual({
        id: 'c1',
        input: { allMonitors: false, monitorIds: ['m1'], events: ['DOWN'] },
      }),
    );
    expect(await screen.findByText('Routing saved')).toBeInTheDocument();
  });

  it('routes to every monitor with a chosen tag', async () => {
    const { user, calls } = renderChannel(webhook, 'OWNER', {
      AlertMonitorTags: () => ({ data: { monitorTags: ['db', 'prod'] } }),
      SetAlertChannelRouting: (v) => ({ data: { setAlertChannelRouting: { id: 'c1', routing: v.input as object } } }),
    });
    await user.click(await screen.findByRole('radio', { name: /Chosen monitors/ }));
    const tags = await screen.findByRole('group', { name: 'Tags' });
    await user.click(await within(tags).findByRole('checkbox', { name: 'db' }));
    expect(screen.queryByText(/No monitor or tag is chosen/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save routing' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'SetAlertChannelRouting')?.variables).toEqual({
        id: 'c1',
        input: { allMonitors: false, monitorIds: [], tags: ['db'], events: ['DOWN', 'UP'] },
      }),
    );
  });

  it('routes to every monitor with the toggle', async () => {
    const { user, calls } = renderChannel(slack, 'ADMIN', {
      SetAlertChannelRouting: (v) => ({ data: { setAlertChannelRouting: { id: 'c2', routing: v.input as object } } }),
    });
    const routed = await screen.findByRole('list', { name: 'Routed monitors' });
    await waitFor(() => expect(routed).toHaveTextContent('Monitor m2'));
    await user.click(screen.getByRole('radio', { name: /All monitors/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Up/ }));
    await user.click(screen.getByRole('button', { name: 'Save routing' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'SetAlertChannelRouting')?.variables).toEqual({
        id: 'c2',
        input: { allMonitors: true, monitorIds: [], events: ['DOWN', 'UP'] },
      }),
    );
  });

  it('routes degraded, certificate and status page incident events too', async () => {
    const { user, calls } = renderChannel(slack, 'ADMIN', {
      SetAlertChannelRouting: (v) => ({ data: { setAlertChannelRouting: { id: 'c2', routing: v.input as object } } }),
    });
    const events = await screen.findByRole('group', { name: 'Events' });
    expect(within(events).getAllByRole('checkbox')).toHaveLength(5);
    expect(within(events).getByRole('checkbox', { name: /^Degraded/ })).toHaveAccessibleName(/works but needs attention/);
    // Keyboard: Tab reaches each event, Space toggles it.
    within(events).getByRole('checkbox', { name: /^Up/ }).focus();
    await user.keyboard('{Tab} ');
    expect(within(events).getByRole('checkbox', { name: /^Degraded/ })).toBeChecked();
    await user.click(within(events).getByRole('checkbox', { name: /^Status page incident updates/ }));
    await user.click(within(events).getByRole('checkbox', { name: /^Certificate expiring/ }));
    await user.click(screen.getByRole('button', { name: 'Save routing' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'SetAlertChannelRouting')?.variables).toEqual({
        id: 'c2',
        input: { allMonitors: false, monitorIds: ['m1', 'm2', 'm3'], events: ['DOWN', 'DEGRADED', 'CERTIFICATE_EXPIRING', 'INCIDENT_UPDATE'] },
      }),
    );
    expect(await screen.findByText('3 monitors · down, degraded, certificate expiring, incident updates')).toBeInTheDocument();
  });

  it('edits a channel, keeping a stored secret when its box stays empty', async () => {
    const { user, calls } = renderChannel(slack, 'OWNER', {
      UpdateAlertChannel: () => ({ data: { updateAlertChannel: { ...slack, name: 'Pager Slack' } } }),
    });
    const form = await screen.findByRole('form', { name: 'Channel details' });
    const url = within(form).getByRole('textbox', { name: 'Incoming webhook URL' });
    expect(url).toHaveValue('');
    expect(url).toHaveAccessibleDescription(/Stored — leave empty to keep it\./);
    await user.clear(within(form).getByRole('textbox', { name: 'Name' }));
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Pager Slack');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'UpdateAlertChannel')?.variables).toEqual({ id: 'c2', input: { name: 'Pager Slack' } }));
  });

  it('sends a new token when one is typed, then empties its box', async () => {
    const telegram = { ...base, id: 'c4', name: 'Bot', kind: 'TELEGRAM', url: null, recipient: '-100123', routing: webhook.routing };
    const { user, calls } = renderChannel(telegram, 'ADMIN', {
      AlertChannel: (_v, call) => ({ data: { alertChannel: call === 0 ? telegram : { ...telegram, updatedAt: '2026-01-02T00:00:00Z' } } }),
      UpdateAlertChannel: () => ({ data: { updateAlertChannel: { ...telegram, updatedAt: '2026-01-02T00:00:00Z' } } }),
    });
    const form = await screen.findByRole('form', { name: 'Channel details' });
    const token = within(form).getByLabelText('Bot token');
    expect(token).toHaveAccessibleDescription(/Stored — leave empty to keep it\./);
    await user.type(token, '123:new');
    const save = within(form).getByRole('button', { name: 'Save changes' });
    await user.click(save);
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'UpdateAlertChannel')?.variables).toEqual({
        id: 'c4',
        input: { name: 'Bot', token: '123:new', recipient: '-100123' },
      }),
    );
    await waitFor(() => expect(token).toHaveValue(''));
    expect(save).toHaveFocus();
  });

  it('rotates a webhook’s signing secret after confirming, and shows the new one once', async () => {
    const { user } = renderChannel(webhook, 'OWNER', {
      RotateAlertChannelSigningSecret: () => ({
        data: { rotateAlertChannelSigningSecret: { channel: { id: 'c1', previousSecretValidUntil: '2099-01-02T00:00:00Z' }, signingSecret: 'whsec_bmV3' } },
      }),
    });
    expect(await screen.findByText(/Standard Webhooks library/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rotate signing secret' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Rotate the signing secret?' })).getByRole('button', { name: 'Rotate secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'New signing secret' });
    expect(within(dialog).getByTestId('signing-secret')).toHaveTextContent('whsec_bmV3');
    await user.click(within(dialog).getByRole('button', { name: 'I’ve saved it' }));
    await waitFor(() => expect(screen.queryByText('whsec_bmV3')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Rotate signing secret' })).toHaveFocus();
  });

  it('says until when the previous secret still signs', async () => {
    renderChannel({ ...webhook, previousSecretValidUntil: '2099-01-02T00:00:00Z' });
    expect(await screen.findByTestId('previous-secret-until')).toHaveTextContent(/The previous secret also signs until/);
  });

  it('deletes a channel after confirmation', async () => {
    const { user, calls, router } = renderChannel(email, 'OWNER', { DeleteAlertChannel: () => ({ data: { deleteAlertChannel: 'c3' } }) });
    await user.click(await screen.findByRole('button', { name: 'Delete channel' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete “Founders”?' })).getByRole('button', { name: 'Delete channel' }));
    expect(await screen.findByTestId('list')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/alerts');
    expect(calls.find((c) => c.operationName === 'DeleteAlertChannel')?.variables).toEqual({ id: 'c3' });
  });

  it('gives viewers no write actions', async () => {
    renderChannel(webhook, 'VIEWER', { AlertDeliveries: () => connection([delivery({ status: 'DEAD' })]) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ops webhook' })).toBeInTheDocument();
    await screen.findByTestId('delivery-row');
    expect(screen.getByTestId('routing-summary')).toHaveTextContent('All monitors · down, up');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    for (const name of ['Save changes', 'Save routing', 'Send test', 'Rotate signing secret', 'Delete channel', /^Retry/]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('lets members send tests but not change the channel', async () => {
    renderChannel(slack, 'MEMBER');
    expect(await screen.findByRole('button', { name: 'Send test' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Channel details' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete channel' })).not.toBeInTheDocument();
    expect(screen.getByText('Stored')).toBeInTheDocument();
  });

  it('explains a missing channel', async () => {
    renderChannel({ id: 'zz' }, 'OWNER', { AlertChannel: () => gqlError('not found', { code: 'NOT_FOUND' }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no such alert channel');
  });
});

describe('Message templates', { timeout: 20_000 }, () => {
  const preview = (title: string, body: string) => ({ data: { previewAlertMessage: { title, body } } });

  const renderNewSlack = (graphql: RenderAppOptions['graphql'] = {}) => renderNew('/app/alerts/new?kind=slack', graphql);

  function renderSlack(channel: unknown, role: Role = 'OWNER', graphql: RenderAppOptions['graphql'] = {}) {
    return renderApp(<AlertChannelRoute />, {
      session: role,
      route: '/app/alerts/c2',
      path: '/app/alerts/:id',
      graphql: {
        AlertChannel: () => ({ data: { alertChannel: channel } }),
        AlertDeliveries: () => connection([]),
        AlertMonitorOptions: () => monitors,
        AlertMonitorName: (v) => ({ data: { monitor: { id: v.id, name: `Monitor ${String(v.id)}` } } }),
        PreviewAlertMessage: () => preview('Beacon title', 'Beacon details'),
        ...graphql,
      },
    });
  }

  it('is folded away until opened', async () => {
    const { user } = renderNewSlack({ PreviewAlertMessage: () => preview('API is down', 'It answered 503.') });
    const form = screen.getByRole('form', { name: 'New Slack channel' });
    expect(within(form).getByTestId('message-section')).not.toHaveAttribute('open');
    await user.click(within(form).getByText('Message'));
    expect(within(form).getByTestId('message-section')).toHaveAttribute('open');
    expect(within(form).getByRole('textbox', { name: 'Title template' })).toBeVisible();
    expect(within(form).getByText(/templates shape the text of chat and push messages/)).toBeInTheDocument();
  });

  it('is not offered for webhooks (their JSON is documented)', () => {
    renderApp(<NewAlertChannelRoute />, { route: '/app/alerts/new?kind=webhook', path: '/app/alerts/new', graphql: {} });
    expect(screen.getByRole('form', { name: 'New Webhook channel' })).toBeInTheDocument();
    expect(screen.queryByTestId('message-section')).not.toBeInTheDocument();
  });

  it('words an email: the title template is its subject', async () => {
    const { user, calls } = renderNew('/app/alerts/new?kind=email', {
      PreviewAlertMessage: () => preview('API is DOWN', 'Acme: down since 12:00'),
    });
    const form = screen.getByRole('form', { name: 'New Email channel' });
    const section = within(form).getByTestId('message-section');
    expect(section).not.toHaveAttribute('open');
    await user.click(within(form).getByText('Message'));
    expect(section).toHaveAttribute('open');
    expect(within(form).getByText(/The subject template words the email’s subject line/)).toBeInTheDocument();
    const subject = within(form).getByRole('textbox', { name: 'Subject template' });
    expect(subject).toHaveAccessibleDescription(/The email’s subject/);
    expect(within(form).queryByRole('textbox', { name: 'Title template' })).not.toBeInTheDocument();
    expect(await within(form).findByTestId('preview-title')).toHaveTextContent('Subject: API is DOWN');

    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Founders');
    await user.type(within(form).getByRole('textbox', { name: 'Address 1' }), 'ada@example.com');
    await user.click(subject);
    await user.paste('[{{ organization.name }}] {{ title }}');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));
    expect(await screen.findByTestId('channel-page')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'CreateAlertChannel')?.variables).toEqual({
      input: { name: 'Founders', kind: 'EMAIL', addresses: ['ada@example.com'], titleTemplate: '[{{ organization.name }}] {{ title }}' },
    });
  });

  it('shows an email channel’s stored subject template', async () => {
    const custom = { ...email, titleTemplate: 'Beacon: {{ title }}', bodyTemplate: null };
    renderSlack(custom, 'OWNER');
    const form = await screen.findByRole('form', { name: 'Channel details' });
    expect(screen.getByTestId('custom-message-badge')).toHaveTextContent('Custom message');
    expect(within(form).getByTestId('message-section')).toHaveAttribute('open');
    expect(within(form).getByRole('textbox', { name: 'Subject template' })).toHaveValue('Beacon: {{ title }}');
  });

  it('previews a sample of each event, and inserts the new variables', async () => {
    const { user, calls } = renderNewSlack({ PreviewAlertMessage: (v) => preview(`sample ${v.event as string}`, 'b') });
    const form = screen.getByRole('form', { name: 'New Slack channel' });
    await user.click(within(form).getByText('Message'));
    const events = within(form).getByRole('group', { name: 'Sample event' });
    expect(within(events).getAllByRole('button').map((b) => b.textContent)).toEqual(['Down', 'Up', 'Degraded', 'Certificate', 'Incident update']);
    for (const [name, event, hint] of [
      ['Degraded', 'DEGRADED', 'A sample degraded alert'],
      ['Certificate', 'CERTIFICATE_EXPIRING', 'A sample certificate expiring alert'],
      ['Incident update', 'INCIDENT_UPDATE', 'A sample status page incident update'],
    ] as const) {
      await user.click(within(events).getByRole('button', { name }));
      expect(within(events).getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
      await waitFor(() => expect(within(form).getByTestId('preview-title')).toHaveTextContent(`sample ${event}`));
      expect(within(form).getByText(new RegExp(hint))).toBeInTheDocument();
    }
    expect(calls.filter((c) => c.operationName === 'PreviewAlertMessage').map((c) => c.variables.event)).toEqual(
      expect.arrayContaining(['DOWN', 'DEGRADED', 'CERTIFICATE_EXPIRING', 'INCIDENT_UPDATE']),
    );

    const body = within(form).getByRole('textbox', { name: 'Body template' });
    await user.click(body);
    await user.click(within(form).getByRole('button', { name: 'Insert degradation.reason' }));
    await user.click(within(form).getByRole('button', { name: 'Insert statusIncident.pageUrl' }));
    expect(body).toHaveValue('{{ degradation.reason }}{{ statusIncident.pageUrl }}');
  });

  it('previews what the server renders, asking again as the templates and the event change', async () => {
    const { user, calls } = renderNewSlack({
      PreviewAlertMessage: (v) => preview(`${(v.titleTemplate as string | null) ?? 'default'} · ${v.event as string}`, `body: ${(v.bodyTemplate as string | null) ?? 'default'}`),
    });
    const form = screen.getByRole('form', { name: 'New Slack channel' });
    await user.click(within(form).getByText('Message'));
    expect(await within(form).findByTestId('preview-title')).toHaveTextContent('default · DOWN');
    expect(within(form).getByTestId('preview-body')).toHaveTextContent('body: default');

    await user.type(within(form).getByRole('textbox', { name: 'Title template' }), 'Down: ');
    await user.click(within(form).getByRole('button', { name: 'Insert monitor.name' }));
    const title = within(form).getByRole('textbox', { name: 'Title template' });
    expect(title).toHaveValue('Down: {{ monitor.name }}');
    expect(title).toHaveFocus();
    await waitFor(() => expect(within(form).getByTestId('preview-title')).toHaveTextContent('Down: {{ monitor.name }} · DOWN'));
    // Debounced: the keystrokes did not each ask the server.
    const previews = calls.filter((c) => c.operationName === 'PreviewAlertMessage');
    expect(previews.length).toBeLessThanOrEqual(3);
    expect(previews.at(-1)?.variables).toEqual({ titleTemplate: 'Down: {{ monitor.name }}', bodyTemplate: null, event: 'DOWN' });

    await user.click(within(form).getByRole('button', { name: 'Up' }));
    expect(within(form).getByRole('button', { name: 'Up' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(within(form).getByTestId('preview-title')).toHaveTextContent('Down: {{ monitor.name }} · UP'));
  });

  it('puts a template error from the preview under the field it names, without blocking typing', async () => {
    const { user } = renderNewSlack({
      PreviewAlertMessage: (v) =>
        /\{% if(?![\s\S]*endif)/.test((v.bodyTemplate as string | null) ?? '')
          ? gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'bodyTemplate', message: 'unexpected end of template, expected endif (line 1)' }] })
          : preview('Title', (v.bodyTemplate as string | null) ?? 'Beacon details'),
    });
    const form = screen.getByRole('form', { name: 'New Slack channel' });
    await user.click(within(form).getByText('Message'));
    expect(await within(form).findByTestId('preview-body')).toHaveTextContent('Beacon details');
    const body = within(form).getByRole('textbox', { name: 'Body template' });
    await user.click(body);
    await user.paste('{% if event == "down" %}Down');
    await waitFor(() => expect(body).toHaveAccessibleDescription(/Unexpected end of template, expected endif \(line 1\)\./));
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('textbox', { name: 'Title template' })).not.toHaveAccessibleDescription(/endif/);
    // The last preview that worked stays.
    expect(within(form).getByTestId('preview-body')).toHaveTextContent('Beacon details');
    expect(body).toHaveFocus();
    await user.type(body, '{{% endif %}');
    await waitFor(() => expect(within(form).getByTestId('preview-body')).toHaveTextContent('{% if event == "down" %}Down{% endif %}'));
    expect(body).not.toHaveAccessibleDescription(/endif \(line 1\)/);
  });

  it('sends the templates when creating', async () => {
    const { user, calls } = renderNewSlack({ PreviewAlertMessage: () => preview('t', 'b') });
    const form = screen.getByRole('form', { name: 'New Slack channel' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Ops');
    await user.type(within(form).getByRole('textbox', { name: 'Incoming webhook URL' }), 'https://hooks.slack.com/services/x');
    await user.click(within(form).getByText('Message'));
    await user.click(within(form).getByRole('textbox', { name: 'Title template' }));
    await user.paste('{{ monitor.name }} is {{ event | upper }}');
    await user.click(within(form).getByRole('button', { name: 'Create channel' }));
    expect(await screen.findByTestId('channel-page')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'CreateAlertChannel')?.variables).toEqual({
      input: { name: 'Ops', kind: 'SLACK', url: 'https://hooks.slack.com/services/x', titleTemplate: '{{ monitor.name }} is {{ event | upper }}' },
    });
  });

  it('shows a stored template open, with a badge; reset clears both and saving sends them empty', async () => {
    const custom = { ...slack, titleTemplate: '🔥 {{ title }}', bodyTemplate: '{{ details }}\nAck: {{ incident.acknowledgeUrl }}' };
    const { user, calls } = renderSlack(custom, 'OWNER', {
      UpdateAlertChannel: () => ({ data: { updateAlertChannel: { ...custom, titleTemplate: null, bodyTemplate: null } } }),
    });
    const form = await screen.findByRole('form', { name: 'Channel details' });
    expect(screen.getByTestId('custom-message-badge')).toHaveTextContent('Custom message');
    expect(within(form).getByTestId('message-section')).toHaveAttribute('open');
    const title = within(form).getByRole('textbox', { name: 'Title template' });
    const body = within(form).getByRole('textbox', { name: 'Body template' });
    expect(title).toHaveValue('🔥 {{ title }}');
    expect(body).toHaveValue('{{ details }}\nAck: {{ incident.acknowledgeUrl }}');

    await user.click(within(form).getByRole('button', { name: 'Reset to Beacon’s wording' }));
    expect(title).toHaveValue('');
    expect(body).toHaveValue('');
    expect(within(form).getByRole('button', { name: 'Reset to Beacon’s wording' })).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'UpdateAlertChannel')?.variables).toEqual({
        id: 'c2',
        input: { name: 'On-call Slack', titleTemplate: '', bodyTemplate: '' },
      }),
    );
  });

  it('puts a save’s template error under its field', async () => {
    const { user } = renderSlack({ ...slack, titleTemplate: null, bodyTemplate: null }, 'ADMIN', {
      UpdateAlertChannel: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'titleTemplate', message: 'is longer than 1,000 characters' }] }),
    });
    const form = await screen.findByRole('form', { name: 'Channel details' });
    expect(within(form).getByTestId('message-section')).not.toHaveAttribute('open');
    expect(screen.queryByTestId('custom-message-badge')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    const title = await within(form).findByRole('textbox', { name: 'Title template' });
    await waitFor(() => expect(title).toHaveAccessibleDescription(/Is longer than 1,000 characters\./));
    expect(title).toHaveFocus();
  });

  it('shows viewers the templates read-only', async () => {
    renderSlack({ ...slack, titleTemplate: '{{ monitor.name }} {{ event }}', bodyTemplate: null }, 'VIEWER');
    expect(await screen.findByTestId('custom-message-badge')).toHaveTextContent('Custom message');
    expect(screen.getByText('Custom wording')).toBeInTheDocument();
    expect(screen.getByTestId('title-template')).toHaveTextContent('{{ monitor.name }} {{ event }}');
    expect(screen.queryByTestId('body-template')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Title template' })).not.toBeInTheDocument();
  });
});
