import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { EscalationPoliciesRoute, EscalationPolicyRoute, NewEscalationPolicyRoute } from './escalation';

const channelBase = { url: null, recipient: null, addresses: [], hasSecret: false, routing: { allMonitors: true, monitorIds: [], events: ['DOWN'] }, createdAt: '2026-01-01T00:00:00Z' };
const slack = { ...channelBase, id: 'c1', name: 'Ops Slack', kind: 'SLACK' };
const pager = { ...channelBase, id: 'c2', name: 'PagerDuty', kind: 'PAGER_DUTY' };
const mail = { ...channelBase, id: 'c3', name: 'Founders', kind: 'EMAIL' };
const channels = () => ({ data: { alertChannels: [slack, pager, mail] } });

const policy = {
  id: 'p1',
  name: 'Production on-call',
  steps: [
    { waitMinutes: 0, channels: [{ id: 'c1', name: 'Ops Slack', kind: 'SLACK' }] },
    { waitMinutes: 10, channels: [{ id: 'c2', name: 'PagerDuty', kind: 'PAGER_DUTY' }, { id: 'c3', name: 'Founders', kind: 'EMAIL' }] },
  ],
  repeatEveryMinutes: 30,
  monitorCount: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};

type Role = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

describe('EscalationPoliciesRoute', () => {
  function renderList(role: Role, policies: unknown[]) {
    return renderApp(<EscalationPoliciesRoute />, { session: role, route: '/app/alerts/escalation', graphql: { EscalationPolicies: () => ({ data: { escalationPolicies: policies } }) } });
  }

  it('lists policies with their steps in words and how many monitors use them', async () => {
    renderList('ADMIN', [policy, { ...policy, id: 'p2', name: 'Quiet', steps: [policy.steps[0]], repeatEveryMinutes: 0, monitorCount: 0 }]);
    const rows = await screen.findAllByTestId('escalation-policy-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Production on-call' })).toHaveAttribute('href', '/app/alerts/escalation/p1');
    expect(within(rows[0]!).getByTestId('policy-summary')).toHaveTextContent('Ops Slack → after 10 min PagerDuty + Founders, repeat every 30 min');
    expect(rows[0]).toHaveTextContent('2 monitors');
    expect(within(rows[1]!).getByTestId('policy-summary')).toHaveTextContent(/^Ops Slack$/);
    expect(rows[1]).toHaveTextContent('None yet');
    expect(screen.getByRole('link', { name: 'Create policy' })).toHaveAttribute('href', '/app/alerts/escalation/new');
    const tabs = screen.getByRole('navigation', { name: 'Alerts' });
    expect(within(tabs).getByRole('link', { name: 'Escalation policies' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Channels' })).toHaveAttribute('href', '/app/alerts');
  });

  it('explains escalation when there is no policy, and offers members no way to create one', async () => {
    renderList('MEMBER', []);
    expect(await screen.findByText('No escalation policies yet.')).toBeInTheDocument();
    expect(screen.getByText(/keeps going until someone acts/)).toBeInTheDocument();
    expect(screen.getByText('Admins and owners create policies.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create policy' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    renderApp(<EscalationPoliciesRoute />, { session: 'ADMIN', graphql: { EscalationPolicies: () => gqlError('boom', { code: 'INTERNAL_SERVER_ERROR' }) } });
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('Could not load the escalation policies');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('NewEscalationPolicyRoute', { timeout: 20_000 }, () => {
  function renderNew(graphql: RenderAppOptions['graphql'] = {}, role: Role = 'ADMIN') {
    return renderApp(<NewEscalationPolicyRoute />, {
      session: role,
      route: '/app/alerts/escalation/new',
      path: '/app/alerts/escalation/new',
      routes: [{ path: '/app/alerts/escalation/:id', element: <p data-testid="policy-page">Policy page</p> }],
      graphql: { AlertChannels: channels, ...graphql },
    });
  }

  it('builds ordered steps and sends them as the API’s input', async () => {
    const { user, calls, router } = renderNew({ CreateEscalationPolicy: () => ({ data: { createEscalationPolicy: { id: 'p9', name: 'Night shift' } } }) });
    const form = await screen.findByRole('form', { name: 'New escalation policy' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Night shift');
    let steps = within(form).getAllByTestId('escalation-step');
    expect(steps).toHaveLength(1);
    await user.click(within(steps[0]!).getByRole('checkbox', { name: 'PagerDuty' }));
    await user.click(within(form).getByRole('button', { name: 'Add step' }));
    steps = within(form).getAllByTestId('escalation-step');
    expect(within(steps[1]!).getByRole('textbox', { name: 'Wait (minutes)' })).toHaveFocus();
    expect(within(steps[1]!).getByRole('textbox', { name: 'Wait (minutes)' })).toHaveValue('10');
    await user.click(within(steps[1]!).getByRole('checkbox', { name: 'Founders' }));
    await user.click(within(steps[1]!).getByRole('checkbox', { name: 'Ops Slack' }));
    // Slack first: move step 2 up; focus stays with the step.
    await user.click(within(steps[1]!).getByRole('button', { name: 'Move step 2 up' }));
    steps = within(form).getAllByTestId('escalation-step');
    expect(within(steps[0]!).getByRole('button', { name: 'Move step 1 down' })).toHaveFocus();
    expect(within(steps[0]!).getByRole('checkbox', { name: 'Ops Slack' })).toBeChecked();
    const wait = within(steps[0]!).getByRole('textbox', { name: 'Wait (minutes)' });
    await user.clear(wait);
    await user.type(wait, '0');
    const repeat = within(form).getByRole('textbox', { name: 'Repeat the last step every (minutes)' });
    await user.clear(repeat);
    await user.type(repeat, '30');
    await user.click(within(form).getByRole('button', { name: 'Create policy' }));

    expect(await screen.findByTestId('policy-page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/alerts/escalation/p9');
    expect(calls.find((c) => c.operationName === 'CreateEscalationPolicy')?.variables).toEqual({
      input: {
        name: 'Night shift',
        steps: [
          { waitMinutes: 0, channelIds: ['c1', 'c3'] },
          { waitMinutes: 0, channelIds: ['c2'] },
        ],
        repeatEveryMinutes: 30,
      },
    });
  });

  it('removes a step', async () => {
    const { user } = renderNew();
    const form = await screen.findByRole('form', { name: 'New escalation policy' });
    expect(within(form).getByRole('button', { name: 'Remove step 1' })).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Add step' }));
    await user.click(within(form).getByRole('button', { name: 'Remove step 1' }));
    expect(within(form).getAllByTestId('escalation-step')).toHaveLength(1);
    expect(within(form).getByRole('textbox', { name: 'Wait (minutes)' })).toHaveValue('10');
  });

  it('checks the policy before sending and focuses the first mistake', async () => {
    const { user, calls } = renderNew();
    const form = await screen.findByRole('form', { name: 'New escalation policy' });
    const repeat = within(form).getByRole('textbox', { name: 'Repeat the last step every (minutes)' });
    await user.clear(repeat);
    await user.type(repeat, '2');
    await user.click(within(form).getByRole('button', { name: 'Create policy' }));
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(/Enter a name for the policy\./);
    expect(within(form).getByRole('group', { name: 'Notify' })).toHaveAccessibleDescription('Choose at least one channel to notify.');
    expect(repeat).toHaveAccessibleDescription(/Enter 0 to stop after the last step, or 5 to 1,440 minutes\./);
    expect(calls.some((c) => c.operationName === 'CreateEscalationPolicy')).toBe(false);
  });

  it('puts the server’s field errors next to the step they name', async () => {
    const { user } = renderNew({
      CreateEscalationPolicy: () =>
        gqlError('invalid input', {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'steps[1].channelIds', message: 'names a channel of another organization' },
            { field: 'steps[1].waitMinutes', message: 'must be at most 1440' },
          ],
        }),
    });
    const form = await screen.findByRole('form', { name: 'New escalation policy' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Night shift');
    await user.click(within(form).getAllByRole('checkbox', { name: 'Ops Slack' })[0]!);
    await user.click(within(form).getByRole('button', { name: 'Add step' }));
    const second = within(form).getAllByTestId('escalation-step')[1]!;
    await user.click(within(second).getByRole('checkbox', { name: 'PagerDuty' }));
    await user.click(within(form).getByRole('button', { name: 'Create policy' }));
    const wait = within(second).getByRole('textbox', { name: 'Wait (minutes)' });
    await waitFor(() => expect(wait).toHaveAccessibleDescription(/^Must be at most 1440\./));
    expect(wait).toHaveFocus();
    expect(within(second).getByRole('group', { name: 'Notify' })).toHaveAccessibleDescription('Names a channel of another organization.');
    const first = within(form).getAllByTestId('escalation-step')[0]!;
    expect(within(first).getByRole('group', { name: 'Notify' })).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for a channel first when the organization has none', async () => {
    renderNew({ AlertChannels: () => ({ data: { alertChannels: [] } }) });
    expect(await screen.findByText('Add an alert channel first.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add channel' })).toHaveAttribute('href', '/app/alerts/new');
  });

  it('tells members they cannot create policies', () => {
    renderNew({}, 'MEMBER');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('You don’t have access to this page');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});

describe('EscalationPolicyRoute', { timeout: 20_000 }, () => {
  function renderPolicy(role: Role, graphql: RenderAppOptions['graphql'] = {}) {
    return renderApp(<EscalationPolicyRoute />, {
      session: role,
      route: '/app/alerts/escalation/p1',
      path: '/app/alerts/escalation/:id',
      routes: [{ path: '/app/alerts/escalation', element: <p data-testid="policy-list">Policies</p> }],
      graphql: { EscalationPolicy: () => ({ data: { escalationPolicy: policy } }), AlertChannels: channels, ...graphql },
    });
  }

  it('loads the policy into the editor and saves changes', async () => {
    const { user, calls } = renderPolicy('OWNER', {
      UpdateEscalationPolicy: (vars) => ({ data: { updateEscalationPolicy: { ...policy, name: (vars.input as { name: string }).name, updatedAt: '2026-01-03T00:00:00Z' } } }),
    });
    const form = await screen.findByRole('form', { name: 'Escalation policy' });
    expect(screen.getByRole('heading', { level: 1, name: 'Production on-call' })).toBeInTheDocument();
    const steps = within(form).getAllByTestId('escalation-step');
    expect(within(steps[1]!).getByRole('textbox', { name: 'Wait (minutes)' })).toHaveValue('10');
    expect(within(steps[1]!).getByRole('checkbox', { name: 'Founders' })).toBeChecked();
    expect(within(steps[1]!).getByRole('checkbox', { name: 'Ops Slack' })).not.toBeChecked();
    await user.click(within(steps[1]!).getByRole('checkbox', { name: 'Founders' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Policy saved')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'UpdateEscalationPolicy')?.variables).toEqual({
      id: 'p1',
      input: {
        name: 'Production on-call',
        steps: [
          { waitMinutes: 0, channelIds: ['c1'] },
          { waitMinutes: 10, channelIds: ['c2'] },
        ],
        repeatEveryMinutes: 30,
      },
    });
  });

  it('deletes only after confirmation, naming the monitors that use it', async () => {
    const { user, calls, router } = renderPolicy('ADMIN', { DeleteEscalationPolicy: () => ({ data: { deleteEscalationPolicy: { id: 'p1', name: 'Production on-call' } } }) });
    await user.click(await screen.findByRole('button', { name: 'Delete policy' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Production on-call”?' });
    expect(dialog).toHaveTextContent('2 monitors use it.');
    await user.keyboard('{Escape}');
    expect(calls.some((c) => c.operationName === 'DeleteEscalationPolicy')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Delete policy' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete policy' }));
    expect(await screen.findByTestId('policy-list')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/alerts/escalation');
  });

  it('shows members the steps in words, without an editor', async () => {
    renderPolicy('MEMBER');
    const steps = await screen.findByTestId('escalation-readonly');
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['At once: Ops Slack', 'After 10 min: PagerDutyFounders']);
    expect(screen.getByText('The last step repeats every 30 min until the outage is acknowledged or resolved.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete policy' })).not.toBeInTheDocument();
  });

  it('says when the policy does not exist', async () => {
    renderPolicy('ADMIN', { EscalationPolicy: () => gqlError('not found', { code: 'NOT_FOUND' }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no such escalation policy.');
  });
});
