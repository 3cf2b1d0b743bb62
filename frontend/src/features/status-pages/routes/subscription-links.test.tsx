import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { ConfirmSubscriptionRoute, UnsubscribeRoute } from './subscription-links';

const acmeHost = testHost({ tenant: { slug: 'acme', name: 'Acme' } });

function renderConfirm(answer: () => unknown, route = '/subscriptions/confirm?token=tok-1') {
  return renderApp(<ConfirmSubscriptionRoute />, { session: null, host: acmeHost, route, path: '/subscriptions/confirm', strict: true, graphql: { ConfirmStatusSubscription: answer } });
}

function renderUnsubscribe(answer: () => unknown) {
  return renderApp(<UnsubscribeRoute />, { session: null, host: acmeHost, route: '/unsubscribe/tok-9', path: '/unsubscribe/:token', strict: true, graphql: { UnsubscribeFromStatusPage: answer } });
}

describe('ConfirmSubscriptionRoute', () => {
  it('confirms once (even in StrictMode) and links back to the status page', async () => {
    const { calls } = renderConfirm(() => ({ data: { confirmStatusSubscription: true } }));
    expect(screen.getByRole('status')).toHaveTextContent('Confirming your subscription…');
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re subscribed' })).toBeInTheDocument();
    expect(screen.getByText(/We’ll email you when Acme posts an incident/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the status page' })).toHaveAttribute('href', '/');
    expect(screen.getByText('Acme')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.variables).toEqual({ token: 'tok-1' });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('explains a link that no longer works', async () => {
    renderConfirm(() => ({ data: { confirmStatusSubscription: false } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This link can’t be used' })).toBeInTheDocument();
    expect(screen.getByText(/a newer confirmation email replaced it/)).toBeInTheDocument();
    expect(screen.getByText('Subscribe again on the status page to get a new link.')).toBeInTheDocument();
  });

  it('offers to try again when the server cannot be reached', async () => {
    let fail = true;
    const { user } = renderConfirm(() => (fail ? gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { confirmStatusSubscription: true } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not confirm your subscription just now.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re subscribed' })).toBeInTheDocument();
  });

  it('needs a token', () => {
    const { calls } = renderConfirm(() => ({}), '/subscriptions/confirm');
    expect(screen.getByRole('heading', { level: 1, name: 'This link is incomplete' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});

describe('UnsubscribeRoute', () => {
  it('asks first, never on opening, then confirms the unsubscription', async () => {
    const { user, calls } = renderUnsubscribe(() => ({ data: { unsubscribeFromStatusPage: true } }));
    expect(screen.getByRole('heading', { level: 1, name: 'Unsubscribe from Acme status updates?' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Keep my subscription' })).toHaveAttribute('href', '/');
    expect(calls).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'You’re unsubscribed' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('You won’t get any more emails about Acme status updates.')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.variables).toEqual({ token: 'tok-9' });
  });

  it('says kindly when the subscription had already ended', async () => {
    const { user } = renderUnsubscribe(() => ({ data: { unsubscribeFromStatusPage: false } }));
    await user.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re already unsubscribed' })).toBeInTheDocument();
    expect(screen.getByText(/had already ended, so there is nothing more to do/)).toBeInTheDocument();
  });

  it('keeps the button for another try after an error', async () => {
    const { user } = renderUnsubscribe(() => gqlError('Service unavailable', { code: 'INTERNAL_SERVER_ERROR' }));
    await user.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not unsubscribe you just now.');
    expect(screen.getByRole('button', { name: 'Unsubscribe' })).toBeEnabled();
  });
});
