import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { ConfirmSubscriptionRoute, UnsubscribeRoute } from './subscription-links';

const acmeHost = testHost({ tenant: { slug: 'acme', name: 'Acme' } });

type Responder = (vars: Record<string, unknown>, call: number) => unknown;

const subscription = { pageTitle: 'Acme API status', pagePath: '/api', email: 'ada@example.com', confirmed: false, components: ['Payments', 'Search'] };

function view(overrides: Partial<typeof subscription> | null = {}): Responder {
  return () => ({ data: { statusSubscription: overrides === null ? null : { ...subscription, ...overrides } } });
}

function renderConfirm(responders: { StatusSubscription?: Responder; ConfirmStatusSubscription?: Responder }, route = '/subscriptions/confirm?token=tok-1') {
  return renderApp(<ConfirmSubscriptionRoute />, {
    session: null,
    host: acmeHost,
    route,
    path: '/subscriptions/confirm',
    strict: true,
    graphql: { StatusSubscription: view(), ConfirmStatusSubscription: () => ({ data: { confirmStatusSubscription: true } }), ...responders },
  });
}

function renderUnsubscribe(responders: { StatusSubscription?: Responder; UnsubscribeFromStatusPage?: Responder }) {
  return renderApp(<UnsubscribeRoute />, {
    session: null,
    host: acmeHost,
    route: '/unsubscribe/tok-9',
    path: '/unsubscribe/:token',
    strict: true,
    graphql: { StatusSubscription: view(), UnsubscribeFromStatusPage: () => ({ data: { unsubscribeFromStatusPage: true } }), ...responders },
  });
}

/** The calls that change something (the page's own query only reads). */
function mutations<T extends { operationName: string }>(calls: readonly T[]): T[] {
  return calls.filter((c) => c.operationName !== 'StatusSubscription');
}

describe('ConfirmSubscriptionRoute', () => {
  it('shows the subscription without confirming it, then confirms on the button', async () => {
    const { user, calls } = renderConfirm({});
    expect(screen.getByRole('status')).toHaveTextContent('Loading your subscription…');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Confirm your subscription to Acme API status' });
    const facts = screen.getByTestId('subscription-facts');
    expect(facts).toHaveTextContent('ada@example.com');
    expect(within(within(facts).getByRole('list', { name: 'Components' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Payments', 'Search']);
    expect(screen.getByText('Acme')).toBeInTheDocument();
    // Opening the link (mail scanners do) changes nothing.
    expect(mutations(calls)).toHaveLength(0);
    expect(calls[0]?.variables).toEqual({ token: 'tok-1' });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
    expect(heading).not.toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Confirm subscription' }));
    const done = await screen.findByRole('heading', { level: 1, name: 'You’re subscribed' });
    expect(done).toHaveFocus();
    expect(screen.getByTestId('subscription-confirmed')).toHaveTextContent('We’ll email ada@example.com when Acme posts an incident or maintenance update on Acme API status.');
    expect(screen.getByRole('link', { name: 'Go to the status page' })).toHaveAttribute('href', '/api');
    expect(mutations(calls)).toHaveLength(1);
    expect(mutations(calls)[0]?.variables).toEqual({ token: 'tok-1' });
  });

  it('says “all components” for a subscription to the whole page', async () => {
    renderConfirm({ StatusSubscription: view({ components: [] }) });
    const facts = await screen.findByTestId('subscription-facts');
    expect(facts).toHaveTextContent('Updates aboutAll components');
    expect(within(facts).queryByRole('list')).not.toBeInTheDocument();
  });

  it('says plainly when the link is no longer valid, without asking to confirm', async () => {
    const { calls } = renderConfirm({ StatusSubscription: view(null) });
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is no longer valid' })).toBeInTheDocument();
    expect(screen.getByText(/a newer confirmation email replaced it/)).toBeInTheDocument();
    expect(screen.getByText('Subscribe again on the status page to get a new link.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the status page' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Confirm subscription' })).not.toBeInTheDocument();
    expect(mutations(calls)).toHaveLength(0);
  });

  it('explains a link that stopped working before the button was pressed', async () => {
    const { user } = renderConfirm({ ConfirmStatusSubscription: () => ({ data: { confirmStatusSubscription: false } }) });
    await user.click(await screen.findByRole('button', { name: 'Confirm subscription' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is no longer valid' })).toHaveFocus();
  });

  it('says when the subscription was confirmed already', async () => {
    const { calls } = renderConfirm({ StatusSubscription: view({ confirmed: true }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re already subscribed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the status page' })).toHaveAttribute('href', '/api');
    expect(mutations(calls)).toHaveLength(0);
  });

  it('keeps the button for another try when confirming fails', async () => {
    let fail = true;
    const { user } = renderConfirm({
      ConfirmStatusSubscription: () => (fail ? gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { confirmStatusSubscription: true } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Confirm subscription' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not confirm your subscription just now.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Confirm subscription' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re subscribed' })).toBeInTheDocument();
  });

  it('offers to try again when the subscription cannot be loaded', async () => {
    let fail = true;
    const { user } = renderConfirm({
      StatusSubscription: () => (fail ? gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { statusSubscription: subscription } }),
    });
    expect(await screen.findByRole('alert', undefined, { timeout: 5_000 })).toHaveTextContent('We could not load your subscription just now.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Confirm your subscription to Acme API status' })).toBeInTheDocument();
  });

  it('needs a token', () => {
    const { calls } = renderConfirm({}, '/subscriptions/confirm');
    expect(screen.getByRole('heading', { level: 1, name: 'This link is incomplete' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});

describe('UnsubscribeRoute', () => {
  it('names the page and the address, asks first, then confirms the unsubscription', async () => {
    const { user, calls } = renderUnsubscribe({});
    expect(await screen.findByRole('heading', { level: 1, name: 'Unsubscribe from Acme API status?' })).toBeInTheDocument();
    expect(screen.getByTestId('subscription-facts')).toHaveTextContent('ada@example.com');
    expect(screen.getByRole('link', { name: 'Keep my subscription' })).toHaveAttribute('href', '/api');
    expect(mutations(calls)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'You’re unsubscribed' });
    expect(heading).toHaveFocus();
    expect(screen.getByTestId('unsubscribed')).toHaveTextContent('ada@example.com won’t get any more emails about Acme API status.');
    expect(mutations(calls)).toHaveLength(1);
    expect(mutations(calls)[0]?.variables).toEqual({ token: 'tok-9' });
  });

  it('says kindly when the subscription had already ended', async () => {
    const { calls } = renderUnsubscribe({ StatusSubscription: view(null) });
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re already unsubscribed' })).toBeInTheDocument();
    expect(screen.getByText(/had already ended, so there is nothing more to do/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).not.toBeInTheDocument();
    expect(mutations(calls)).toHaveLength(0);
  });

  it('says so when it ended between opening and pressing the button', async () => {
    const { user } = renderUnsubscribe({ UnsubscribeFromStatusPage: () => ({ data: { unsubscribeFromStatusPage: false } }) });
    await user.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re already unsubscribed' })).toHaveFocus();
  });

  it('keeps the button for another try after an error', async () => {
    const { user } = renderUnsubscribe({ UnsubscribeFromStatusPage: () => gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }) });
    await user.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not unsubscribe you just now.');
    expect(screen.getByRole('button', { name: 'Unsubscribe' })).toBeEnabled();
  });
});
