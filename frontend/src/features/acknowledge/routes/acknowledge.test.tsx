import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { AcknowledgeRoute } from './acknowledge';

type Responder = (vars: Record<string, unknown>, call: number) => unknown;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const link = { monitorName: 'Checkout API', organizationName: 'Acme', openedAt: minutesAgo(12), resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null };

function view(overrides: Partial<Record<keyof typeof link, string | null>> = {}): Responder {
  return () => ({ data: { acknowledgeLink: { ...link, ...overrides } } });
}

function renderAck(responders: { AcknowledgeLink?: Responder; AcknowledgeWithLink?: Responder } = {}) {
  return renderApp(<AcknowledgeRoute />, {
    session: null,
    route: '/ack/tok-1',
    path: '/ack/:token',
    strict: true,
    graphql: {
      AcknowledgeLink: view(),
      AcknowledgeWithLink: () => ({ data: { acknowledgeWithLink: { ...link, acknowledgedAt: new Date().toISOString(), acknowledgedBy: 'link in alert' } } }),
      ...responders,
    },
  });
}

const mutations = <T extends { operationName: string }>(calls: readonly T[]) => calls.filter((c) => c.operationName !== 'AcknowledgeLink');

describe('AcknowledgeRoute', () => {
  it('shows the outage without acting, then acknowledges on the button', async () => {
    const { user, calls } = renderAck();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the alert…');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Acknowledge the outage of Checkout API?' });
    const facts = screen.getByTestId('ack-facts');
    expect(facts).toHaveTextContent('Checkout API');
    expect(facts).toHaveTextContent('Acme');
    expect(facts).toHaveTextContent('(12 min ago)');
    expect(screen.getByTestId('ack-state')).toHaveTextContent('Down, not acknowledged');
    // Opening the link (mail scanners do) changes nothing.
    expect(mutations(calls)).toHaveLength(0);
    expect(calls[0]?.variables).toEqual({ token: 'tok-1' });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
    expect(heading).not.toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acknowledged' })).toHaveFocus();
    expect(screen.getByTestId('ack-done')).toHaveTextContent('is acknowledged by link in alert: Acme stops escalating it.');
    expect(mutations(calls)).toEqual([expect.objectContaining({ operationName: 'AcknowledgeWithLink', variables: { token: 'tok-1' } })]);
  });

  it('says who acknowledged it already, without a button', async () => {
    const { calls } = renderAck({ AcknowledgeLink: view({ acknowledgedAt: minutesAgo(2), acknowledgedBy: 'Ana' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Already acknowledged by Ana' })).toBeInTheDocument();
    expect(screen.getByTestId('ack-state')).toHaveTextContent('Down, acknowledged');
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    expect(mutations(calls)).toHaveLength(0);
  });

  it('says when the outage is over', async () => {
    renderAck({ AcknowledgeLink: view({ resolvedAt: minutesAgo(1) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout API has recovered' })).toBeInTheDocument();
    expect(screen.getByTestId('ack-state')).toHaveTextContent('Resolved');
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });

  it('says plainly when the link is invalid or expired', async () => {
    const { calls } = renderAck({ AcknowledgeLink: () => gqlError('not found', { code: 'NOT_FOUND' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is invalid or has expired' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(mutations(calls)).toHaveLength(0);
  });

  it('offers another try when loading fails', async () => {
    let failing = true;
    const { user } = renderAck({ AcknowledgeLink: (_v, call) => (failing ? gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : view()({}, call)) });
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('We could not load this alert just now.');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Acknowledge the outage of Checkout API?' })).toBeInTheDocument();
  });

  it('keeps the button after an error, and explains a link that expired meanwhile', async () => {
    let code = 'INTERNAL_SERVER_ERROR';
    const { user } = renderAck({ AcknowledgeWithLink: () => gqlError('Service unavailable', { code }) });
    await user.click(await screen.findByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not acknowledge just now.');
    code = 'NOT_FOUND';
    await user.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is invalid or has expired' })).toHaveFocus();
  });
});
