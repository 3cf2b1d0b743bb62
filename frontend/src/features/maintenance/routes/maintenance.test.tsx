import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { MaintenanceRoute, NewMaintenanceRoute } from './maintenance';

const upgrade = {
  id: 'w1',
  name: 'Database upgrade',
  monitorId: 'm1',
  tag: null,
  startsAt: '2026-12-01T02:00:00Z',
  endsAt: '2026-12-01T04:00:00Z',
  cron: null,
  durationMinutes: null,
  timeZone: 'UTC',
  activeNow: false,
  nextStart: '2026-12-01T02:00:00Z',
  createdAt: '2026-11-01T00:00:00Z',
};
const weekly = {
  id: 'w2',
  name: 'Patch night',
  monitorId: null,
  tag: null,
  startsAt: null,
  endsAt: null,
  cron: '0 2 * * 1,4',
  durationMinutes: 120,
  timeZone: 'Europe/Berlin',
  activeNow: true,
  nextStart: '2026-12-03T01:00:00Z',
  createdAt: '2026-11-02T00:00:00Z',
};

function renderList(role: 'MEMBER' | 'VIEWER', windows: unknown[], graphql: RenderAppOptions['graphql'] = {}) {
  return renderApp(<MaintenanceRoute />, {
    session: role,
    graphql: {
      MaintenanceWindows: () => ({ data: { maintenanceWindows: windows } }),
      MaintenanceMonitorName: () => ({ data: { monitor: { id: 'm1', name: 'Database' } } }),
      ...graphql,
    },
  });
}

describe('MaintenanceRoute', () => {
  it('lists windows, active ones first, with their scope, schedule in words and next start', async () => {
    renderList('MEMBER', [upgrade, weekly]);
    const rows = await screen.findAllByTestId('maintenance-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Patch night');
    expect(within(rows[0]!).getByTestId('maintenance-active')).toHaveTextContent('Active now');
    expect(rows[0]).toHaveTextContent('Whole organization');
    expect(rows[0]).toHaveTextContent('Every Monday and Thursday at 02:00 for 2 h (Europe/Berlin)');
    expect(rows[1]).toHaveTextContent(/Once, /);
    expect(within(rows[1]!).queryByTestId('maintenance-active')).not.toBeInTheDocument();
    expect(await within(rows[1]!).findByRole('link', { name: 'Database' })).toHaveAttribute('href', '/app/monitors/m1');
  });

  it('names a tag-scoped window’s tag', async () => {
    renderList('MEMBER', [{ ...weekly, tag: 'db' }]);
    expect(await screen.findByTestId('maintenance-row')).toHaveTextContent('Monitors tagged db');
  });

  it('shows an empty state with a next step', async () => {
    renderList('MEMBER', []);
    expect(await screen.findByText('No maintenance scheduled.')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Schedule maintenance' })).toHaveLength(2);
  });

  it('deletes a window only after confirmation', async () => {
    const { user, calls } = renderList('MEMBER', [upgrade], {
      DeleteMaintenanceWindow: () => ({ data: { deleteMaintenanceWindow: { id: 'w1', name: 'Database upgrade' } } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete Database upgrade' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Database upgrade”?' });
    await user.keyboard('{Escape}');
    expect(dialog).not.toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'DeleteMaintenanceWindow')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete Database upgrade' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete window' }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'DeleteMaintenanceWindow')?.variables).toEqual({ id: 'w1' }));
    expect(await screen.findByText('Maintenance window deleted')).toBeInTheDocument();
  });

  it('gives viewers no actions', async () => {
    renderList('VIEWER', [upgrade]);
    await screen.findAllByTestId('maintenance-row');
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Schedule maintenance' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    renderList('MEMBER', [], { MaintenanceWindows: (_v, call) => (call < 2 ? gqlError('boom', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { maintenanceWindows: [] } }) });
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('Could not load the maintenance windows');
  });
});

// Typing into forms with a 400-option time-zone select is slow on a busy machine.
describe('NewMaintenanceRoute', { timeout: 20_000 }, () => {
  function renderForm(graphql: RenderAppOptions['graphql'] = {}) {
    return renderApp(<NewMaintenanceRoute />, {
      session: 'MEMBER',
      route: '/app/maintenance/new',
      path: '/app/maintenance/new',
      routes: [{ path: '/app/maintenance', element: <p data-testid="list">List</p> }],
      graphql: {
        CreateMaintenanceWindow: () => ({ data: { createMaintenanceWindow: { id: 'w9', name: 'Patch night' } } }),
        MaintenanceTagOptions: () => ({ data: { monitorTags: ['db', 'prod'] } }),
        MaintenanceMonitorOptions: () => ({ data: { monitors: { nodes: [{ id: 'm1', name: 'Database' }], pageInfo: { hasNextPage: false } } } }),
        ...graphql,
      },
    });
  }

  it('defaults the time zone to the browser’s', () => {
    renderForm();
    expect(screen.getByLabelText('Time zone')).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('schedules a one-off window for the whole organization, read in the chosen zone', async () => {
    const { user, calls, router } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Database upgrade');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Berlin');
    const starts = screen.getByLabelText('Starts');
    const ends = screen.getByLabelText('Ends');
    await user.clear(starts);
    await user.type(starts, '2026-12-01T02:00');
    await user.clear(ends);
    await user.type(ends, '2026-12-01T04:30');
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));

    expect(await screen.findByTestId('list')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/app/maintenance');
    expect(calls.find((c) => c.operationName === 'CreateMaintenanceWindow')?.variables).toEqual({
      input: { name: 'Database upgrade', timeZone: 'Europe/Berlin', startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T03:30:00.000Z' },
    });
  });

  it('schedules a weekly window for one monitor', async () => {
    const { user, calls } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Patch night');
    await user.click(screen.getByRole('radio', { name: /One monitor/ }));
    await user.selectOptions(await screen.findByLabelText('Monitor'), await screen.findByRole('option', { name: 'Database' }));
    await user.click(screen.getByRole('radio', { name: /Every week/ }));
    await user.selectOptions(screen.getByLabelText('Time zone'), 'UTC');
    await user.click(screen.getByRole('checkbox', { name: 'Thursday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
    await user.clear(screen.getByLabelText('Duration (minutes)'));
    await user.type(screen.getByLabelText('Duration (minutes)'), '90');
    expect(screen.getByText('1 h 30 min each time.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));

    await screen.findByTestId('list');
    expect(calls.find((c) => c.operationName === 'CreateMaintenanceWindow')?.variables).toEqual({
      input: { name: 'Patch night', timeZone: 'UTC', monitorId: 'm1', weekly: { days: ['MONDAY', 'THURSDAY'], startTime: '02:00', durationMinutes: 90 } },
    });
  });

  it('schedules a cron window for every monitor with a tag', async () => {
    const { user, calls } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'DB patching');
    await user.click(screen.getByRole('radio', { name: /Monitors with a tag/ }));
    await user.click(screen.getByRole('radio', { name: /Cron schedule/ }));
    await user.selectOptions(screen.getByLabelText('Time zone'), 'UTC');
    await user.type(screen.getByRole('textbox', { name: 'Cron expression' }), '0  4 * * 0');
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));
    expect(screen.getByLabelText('Tag')).toHaveFocus();
    await user.selectOptions(screen.getByLabelText('Tag'), 'db');
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));
    await screen.findByTestId('list');
    expect(calls.find((c) => c.operationName === 'CreateMaintenanceWindow')?.variables).toEqual({
      input: { name: 'DB patching', timeZone: 'UTC', tag: 'db', cron: { expression: '0 4 * * 0', durationMinutes: 60 } },
    });
  });

  it('checks its fields first: a weekly window needs a day, a cron window five fields', async () => {
    const { user, calls } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Nightly');
    await user.click(screen.getByRole('radio', { name: /Every week/ }));
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));
    expect(screen.getByRole('checkbox', { name: 'Monday' })).toHaveFocus();
    expect(screen.getByText('Choose at least one day.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Cron schedule/ }));
    await user.type(screen.getByRole('textbox', { name: 'Cron expression' }), '0 3 *');
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));
    expect(screen.getByRole('textbox', { name: 'Cron expression' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Cron expression' })).toHaveAccessibleDescription(/five fields/);
    expect(calls.some((c) => c.operationName === 'CreateMaintenanceWindow')).toBe(false);
  });

  it('puts the server’s field errors under the named field', async () => {
    const { user } = renderForm({
      CreateMaintenanceWindow: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'cron.expression', message: 'is not a valid cron expression' }] }),
    });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Nightly');
    await user.click(screen.getByRole('radio', { name: /Cron schedule/ }));
    await user.type(screen.getByRole('textbox', { name: 'Cron expression' }), '99 3 * * *');
    await user.click(screen.getByRole('button', { name: 'Schedule maintenance' }));
    const field = screen.getByRole('textbox', { name: 'Cron expression' });
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Is not a valid cron expression\./));
    expect(field).toHaveFocus();
  });
});
