import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { gqlError } from '@/test/graphql-mock';
import { renderApp, type RenderAppOptions } from '@/test/render';
import { MonitorRoute } from './monitors';

const uptime = { checks: 0, failures: 0, uptimePercent: null, p50Ms: null, p95Ms: null };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

const monitor = {
  id: 'm1',
  name: 'Database',
  kind: 'TCP',
  target: 'db.example.com:5432',
  status: 'DOWN',
  tags: [],
  intervalSeconds: 60,
  timeoutSeconds: 10,
  failureThreshold: 3,
  recoveryThreshold: 1,
  failureWindowSeconds: 600,
  flapThreshold: 6,
  flapWindowSeconds: 3600,
  degradedResponseMs: 0,
  flappingSince: null as string | null,
  escalationPolicy: { id: 'p1', name: 'Production on-call' } as { id: string; name: string } | null,
  lastCheckedAt: minutesAgo(1),
  lastDurationMs: 3,
  lastError: 'connection refused',
  statusChangedAt: minutesAgo(5),
  nextCheckAt: minutesAgo(-1),
  lastPingAt: null,
  createdAt: '2026-01-01T09:00:00Z',
  pingUrl: null,
  heartbeat: null,
  inMaintenance: false,
  dependencyDown: false,
  dependsOn: [],
  dependents: [],
  day: uptime,
  week: uptime,
  month: uptime,
  quarter: uptime,
  dailyUptime: [],
  recentChecks: [],
  incidents: [
    {
      id: 'i2',
      openedAt: minutesAgo(5),
      resolvedAt: null,
      cause: 'connection refused',
      suppressed: false,
      causedBy: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      timeline: [
        { at: minutesAgo(5), kind: 'OPENED', message: 'connection refused' },
        { at: minutesAgo(5), kind: 'NOTIFIED', message: 'Ops Slack' },
        { at: minutesAgo(1), kind: 'ESCALATED', message: 'Step 2: PagerDuty' },
      ],
    },
    {
      id: 'i1',
      openedAt: '2026-01-01T08:00:00Z',
      resolvedAt: '2026-01-01T08:05:00Z',
      cause: 'timed out',
      suppressed: false,
      causedBy: null,
      acknowledgedAt: minutesAgo(3),
      acknowledgedBy: 'Ana',
      timeline: [],
    },
  ],
};

const policies = () => ({ data: { escalationPolicies: [{ id: 'p1', name: 'Production on-call' }, { id: 'p2', name: 'Office hours' }] } });

function renderMonitor(role: 'MEMBER' | 'VIEWER', data: unknown = monitor, graphql: RenderAppOptions['graphql'] = {}) {
  return renderApp(<MonitorRoute />, {
    session: role,
    route: '/app/monitors/m1',
    path: '/app/monitors/:id',
    graphql: { Monitor: () => ({ data: { monitor: data } }), MonitorEscalationOptions: policies, ...graphql },
  });
}

describe('Monitor page: alerting', { timeout: 20_000 }, () => {
  it('says when the monitor is flapping and that alerts are paused', async () => {
    renderMonitor('VIEWER', { ...monitor, flappingSince: minutesAgo(20) });
    const banner = await screen.findByTestId('flapping-banner');
    expect(banner).toHaveTextContent(/Flapping since .*\(20 min ago\)/);
    expect(banner).toHaveTextContent('further outages are recorded without alerting until it settles (no change for 1 h)');
  });

  it('shows no flapping banner otherwise, and the failure window in words', async () => {
    renderMonitor('VIEWER');
    await screen.findByRole('heading', { level: 1, name: 'Database' });
    expect(screen.queryByTestId('flapping-banner')).not.toBeInTheDocument();
    expect(screen.getByText('3 failed checks within 10 min')).toBeInTheDocument();
  });

  it('chooses the escalation policy and saves it', async () => {
    const { user, calls } = renderMonitor('MEMBER', monitor, {
      SetMonitorEscalationPolicy: (vars) => ({ data: { setMonitorEscalationPolicy: { id: 'm1', escalationPolicy: vars.policyId ? { id: 'p2', name: 'Office hours' } : null } } }),
    });
    const form = await screen.findByRole('form', { name: 'Escalation policy' });
    const select = within(form).getByLabelText('Policy');
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['None — routing only', 'Production on-call', 'Office hours']));
    expect(select).toHaveValue('p1');
    expect(within(form).getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Manage escalation policies' })).toHaveAttribute('href', '/app/alerts/escalation');
    await user.selectOptions(select, '');
    expect(select).toHaveAccessibleDescription('Outages notify the channels routed to this monitor, once.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Escalation policy saved')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetMonitorEscalationPolicy')?.variables).toEqual({ id: 'm1', policyId: null });
  });

  it('shows viewers the policy as a link, without a form', async () => {
    renderMonitor('VIEWER');
    expect(await screen.findByTestId('monitor-escalation')).toHaveTextContent('Production on-call');
    expect(screen.getByRole('link', { name: 'Production on-call' })).toHaveAttribute('href', '/app/alerts/escalation/p1');
    expect(screen.queryByRole('form', { name: 'Escalation policy' })).not.toBeInTheDocument();
  });

  it('acknowledges an open incident and says who did', async () => {
    const { user, calls } = renderMonitor('MEMBER', monitor, {
      AcknowledgeMonitorIncident: () => ({ data: { acknowledgeIncident: { id: 'i2', acknowledgedAt: new Date().toISOString(), acknowledgedBy: 'Ada' } } }),
    });
    const [open, resolved] = await screen.findAllByTestId('incident-row');
    expect(within(resolved!).getByTestId('incident-acknowledged')).toHaveTextContent('Acknowledged by Ana · 3 min ago');
    expect(within(resolved!).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    await user.click(within(open!).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(open!).findByTestId('incident-acknowledged')).toHaveTextContent(/^✓Acknowledged by Ada · \d+ s ago$/);
    expect(calls.find((c) => c.operationName === 'AcknowledgeMonitorIncident')?.variables).toEqual({ id: 'i2' });
  });

  it('says when acknowledging fails', async () => {
    const { user } = renderMonitor('MEMBER', monitor, { AcknowledgeMonitorIncident: () => gqlError('boom', { code: 'INTERNAL_SERVER_ERROR' }) });
    const [open] = await screen.findAllByTestId('incident-row');
    await user.click(within(open!).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(open!).findByRole('alert')).toHaveTextContent('Could not acknowledge: boom');
  });

  it('offers viewers no acknowledge button, and unfolds the timeline', async () => {
    const { user } = renderMonitor('VIEWER');
    const [open] = await screen.findAllByTestId('incident-row');
    expect(within(open!).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    const timeline = within(open!).getByTestId('incident-timeline');
    expect(timeline).not.toHaveAttribute('open');
    await user.click(within(timeline).getByText('Timeline (3 events)'));
    expect(timeline).toHaveAttribute('open');
    expect(within(timeline).getAllByRole('listitem').map((li) => li.querySelector('.incident-timeline__kind')?.textContent)).toEqual(['Opened', 'Notified', 'Escalated']);
    expect(timeline).toHaveTextContent('Step 2: PagerDuty');
  });
});
