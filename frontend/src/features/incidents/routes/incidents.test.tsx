import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { IncidentsRoute } from './incidents';

const open = {
  id: 'i3',
  monitorId: 'm1',
  monitorName: 'Website',
  openedAt: new Date(Date.now() - 65_000).toISOString(),
  resolvedAt: null,
  durationSeconds: null,
  cause: 'HTTP 503',
};
const resolved = (id: string, n: number) => ({
  id,
  monitorId: 'm2',
  monitorName: `Database ${n}`,
  openedAt: '2026-11-30T10:00:00Z',
  resolvedAt: '2026-11-30T10:05:00Z',
  durationSeconds: 300,
  cause: 'connection refused',
});

function page(nodes: unknown[], endCursor: string | null = null) {
  return { data: { incidents: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } } };
}

function renderIncidents(graphql: RenderAppOptions['graphql']) {
  return renderApp(<IncidentsRoute />, { session: 'VIEWER', graphql });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('IncidentsRoute', () => {
  it('marks outages that sent no alert and names the outage that caused them', async () => {
    const held = { ...open, id: 'i4', monitorId: 'm5', monitorName: 'API', cause: 'HTTP 502', suppressed: true, causedBy: { id: 'i9', monitorId: 'm9', monitorName: 'Database' } };
    const heldResolved = { ...resolved('i5', 5), suppressed: true, causedBy: { id: 'i8', monitorId: 'm8', monitorName: 'Network' } };
    renderIncidents({
      Incidents: (vars) => ((vars.filter as { open: boolean }).open ? page([{ ...open, suppressed: false, causedBy: null }, held]) : page([heldResolved, { ...resolved('i1', 1), suppressed: false, causedBy: null }])),
    });
    const [alerting, quiet] = await screen.findAllByTestId('open-incident');
    expect(within(alerting!).queryByTestId('incident-held-back')).not.toBeInTheDocument();
    expect(within(alerting!).queryByTestId('incident-caused-by')).not.toBeInTheDocument();
    expect(within(quiet!).getByTestId('incident-held-back')).toHaveTextContent('No alert');
    expect(within(quiet!).getByTestId('incident-caused-by')).toHaveTextContent('Caused by Database’s outage');
    expect(within(quiet!).getByRole('link', { name: 'Database' })).toHaveAttribute('href', '/app/monitors/m9');

    const rows = within(screen.getByRole('table', { name: 'Resolved incidents' })).getAllByTestId('resolved-incident');
    expect(within(rows[0]!).getByTestId('incident-held-back')).toHaveTextContent('No alert');
    expect(within(rows[0]!).getByRole('link', { name: 'Network' })).toHaveAttribute('href', '/app/monitors/m8');
    expect(within(rows[1]!).queryByTestId('incident-held-back')).not.toBeInTheDocument();
  });

  it('lists open incidents first with a live duration and a link to the monitor', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderIncidents({
      Incidents: (vars) => ((vars.filter as { open: boolean }).open ? page([open]) : page([resolved('i1', 1)])),
    });
    const card = await screen.findByTestId('open-incident');
    expect(within(card).getByRole('link', { name: 'Website' })).toHaveAttribute('href', '/app/monitors/m1');
    expect(card).toHaveTextContent('HTTP 503');
    expect(card).toHaveTextContent('Ongoing');
    const live = within(card).getByTestId('incident-live-duration');
    expect(live).toHaveTextContent(/^1 min [5-9] s$/);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(live).toHaveTextContent(/^2 min [5-9] s$/);

    const history = screen.getByRole('table', { name: 'Resolved incidents' });
    const row = within(history).getByTestId('resolved-incident');
    expect(row).toHaveTextContent('Database 1');
    expect(row).toHaveTextContent('5 min');
    expect(row).toHaveTextContent('Resolved');
  });

  it('pages through the resolved history', async () => {
    const { calls, user } = renderIncidents({
      Incidents: (vars) => {
        if ((vars.filter as { open: boolean }).open) return page([]);
        return vars.after === null ? page([resolved('i1', 1)], 'c1') : page([resolved('i0', 0)]);
      },
    });
    expect(await screen.findByTestId('all-quiet')).toHaveTextContent('No open incidents — all quiet.');
    await user.click(await screen.findByRole('button', { name: 'Show older incidents' }));
    await waitFor(() => expect(screen.getAllByTestId('resolved-incident')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Show older incidents' })).not.toBeInTheDocument();
    expect(calls.filter((c) => !(c.variables.filter as { open: boolean }).open).map((c) => c.variables)).toEqual([
      { first: 25, after: null, filter: { open: false } },
      { first: 25, after: 'c1', filter: { open: false } },
    ]);
  });

  it('says all is quiet when there has never been an incident', async () => {
    renderIncidents({ Incidents: () => page([]) });
    expect(await screen.findByText('No incidents — all quiet.')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    renderIncidents({
      Incidents: (vars, call) =>
        (vars.filter as { open: boolean }).open && call < 3 ? gqlError('boom', { code: 'INTERNAL_SERVER_ERROR' }) : page([]),
    });
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('Could not load the open incidents');
  });

  describe('acknowledging', () => {
    const timeline = [
      { at: new Date(Date.now() - 65_000).toISOString(), kind: 'OPENED', message: 'HTTP 503' },
      { at: new Date(Date.now() - 60_000).toISOString(), kind: 'NOTIFIED', message: 'Ops Slack' },
    ];
    const unacknowledged = { ...open, suppressed: false, causedBy: null, acknowledgedAt: null, acknowledgedBy: null, timeline };

    it('acknowledges an open outage and shows who did, with its timeline', async () => {
      const { user, calls } = renderApp(<IncidentsRoute />, {
        session: 'MEMBER',
        graphql: {
          Incidents: (vars) => ((vars.filter as { open: boolean }).open ? page([unacknowledged]) : page([])),
          AcknowledgeIncident: () => ({ data: { acknowledgeIncident: { id: 'i3', acknowledgedAt: new Date().toISOString(), acknowledgedBy: 'Ada' } } }),
        },
      });
      const card = await screen.findByTestId('open-incident');
      const button = within(card).getByRole('button', { name: 'Acknowledge' });
      expect(button).toHaveAccessibleDescription('Website');
      await user.click(within(card).getByText('Timeline (2 events)'));
      expect(within(card).getByTestId('incident-timeline')).toHaveTextContent('Ops Slack');
      await user.click(button);
      expect(await within(card).findByTestId('incident-acknowledged')).toHaveTextContent(/Acknowledged by Ada · \d+ s ago/);
      expect(within(card).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
      expect(calls.find((c) => c.operationName === 'AcknowledgeIncident')?.variables).toEqual({ id: 'i3' });
    });

    it('shows an acknowledged outage as such, and offers viewers no button', async () => {
      renderIncidents({
        Incidents: (vars) =>
          (vars.filter as { open: boolean }).open
            ? page([unacknowledged, { ...unacknowledged, id: 'i4', acknowledgedAt: new Date(Date.now() - 180_000).toISOString(), acknowledgedBy: 'Ana' }])
            : page([]),
      });
      const [first, second] = await screen.findAllByTestId('open-incident');
      expect(within(first!).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
      expect(within(second!).getByTestId('incident-acknowledged')).toHaveTextContent('Acknowledged by Ana · 3 min ago');
    });
  });

  describe('publishing an outage on a status page', () => {
    const pages = () => ({
      data: {
        statusPages: [
          { id: 'p1', title: 'Acme status', url: 'http://acme.localhost/', components: [{ monitorId: 'm1' }] },
          { id: 'p2', title: 'Internal', url: 'http://acme.localhost/internal', components: [] },
        ],
      },
    });

    it('publishes on the chosen page and links to the incident', async () => {
      const { user, calls } = renderApp(<IncidentsRoute />, {
        session: 'MEMBER',
        graphql: {
          Incidents: (vars) => ((vars.filter as { open: boolean }).open ? page([open]) : page([])),
          PublishPageOptions: pages,
          PublishOutage: () => ({ data: { publishOutage: { id: 'si9', pageId: 'p2', title: 'Website is unavailable' } } }),
        },
      });
      await user.click(await screen.findByRole('button', { name: /^Publish on status page.*the Website outage$/ }));
      const dialog = await screen.findByRole('dialog', { name: 'Publish on a status page' });
      const select = await within(dialog).findByLabelText('Status page');
      // Pages that show the monitor first; the others say they do not.
      expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Acme status — acme.localhost/',
        'Internal — acme.localhost/internal (does not show Website)',
      ]);
      await user.selectOptions(select, 'p2');
      await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
      const done = await within(dialog).findByRole('status');
      expect(done).toHaveTextContent('Published as “Website is unavailable”.');
      expect(within(done).getByRole('link', { name: 'Open the incident' })).toHaveAttribute('href', '/app/status-pages/p2/incidents/si9');
      expect(calls.find((c) => c.operationName === 'PublishOutage')?.variables).toEqual({ pageId: 'p2', outageId: 'i3' });
    });

    it('says plainly when it is already published, or the page does not show the monitor', async () => {
      const { user } = renderApp(<IncidentsRoute />, {
        session: 'MEMBER',
        graphql: {
          Incidents: (vars) => ((vars.filter as { open: boolean }).open ? page([open]) : page([])),
          PublishPageOptions: pages,
          PublishOutage: (vars) =>
            vars.pageId === 'p1'
              ? gqlError('already published', { code: 'CONFLICT' })
              : gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'outageId', message: 'its monitor is not a component of this page' }] }),
        },
      });
      await user.click(await screen.findByRole('button', { name: /^Publish on status page.*the Website outage$/ }));
      const dialog = await screen.findByRole('dialog', { name: 'Publish on a status page' });
      await user.click(await within(dialog).findByRole('button', { name: 'Publish' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('This outage is already published on that page.');
      await user.selectOptions(within(dialog).getByLabelText('Status page'), 'p2');
      await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
      await waitFor(() =>
        expect(within(dialog).getByLabelText('Status page')).toHaveAccessibleDescription(/^Its monitor is not a component of this page\. Add Website to the page’s components first/),
      );
    });

    it('is not offered to viewers', async () => {
      renderIncidents({ Incidents: (vars) => ((vars.filter as { open: boolean }).open ? page([open]) : page([resolved('i1', 1)])) });
      await screen.findByTestId('open-incident');
      expect(screen.queryByRole('button', { name: /Publish/ })).not.toBeInTheDocument();
    });
  });
});
