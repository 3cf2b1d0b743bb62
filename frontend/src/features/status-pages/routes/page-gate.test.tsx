import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { pageAccessKey } from '../api/page-access';
import { PublicStatusPage } from './public-status-page';

const days = Array.from({ length: 90 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10),
  uptimePercent: 100,
  downtimeSeconds: 0,
  outages: 0,
  incidents: [],
}));

const page = {
  organization: 'Acme',
  title: 'Acme internal',
  description: '',
  logoUrl: null,
  faviconUrl: null,
  status: 'OPERATIONAL',
  components: [{ id: 'c1', name: 'Website', group: '', status: 'OPERATIONAL', uptimePercent: 100, days, responseMs: [] }],
  activeOutages: [],
  recentOutages: [],
  maintenance: [],
  activeIncidents: [],
  incidentHistory: { incidents: [], hasNextPage: false, endCursor: null },
  generatedAt: '2026-11-29T12:00:00Z',
};

const acmeHost = testHost({ tenant: { slug: 'acme', name: 'Acme' } });
const FUTURE = new Date(Date.now() + 30 * 86_400_000).toISOString();

type Responder = (vars: Record<string, unknown>, call: number) => unknown;

function locked(access: 'PASSWORD' | 'EMAIL_DOMAIN', title = 'Acme internal') {
  return gqlError('this status page is private', { code: 'STATUS_PAGE_LOCKED', access, title });
}

/** The page opens for `grant` only; anything else gets the lock. */
function pageFor(grant: string, access: 'PASSWORD' | 'EMAIL_DOMAIN' = 'PASSWORD'): Responder {
  return (vars) => (vars.accessToken === grant ? { data: { publicStatusPage: page } } : locked(access));
}

function renderGate({ slug = '', route = '/', responders }: { slug?: string; route?: string; responders: Record<string, Responder> }) {
  return renderApp(<PublicStatusPage slug={slug} fallback={<p>No page here</p>} />, {
    session: null,
    host: acmeHost,
    route,
    graphql: responders,
  });
}

function keptGrant(slug = '') {
  const raw = localStorage.getItem(pageAccessKey(slug));
  return raw === null ? null : (JSON.parse(raw) as { token: string; expiresAt: string | null });
}

describe('A password-protected page', () => {
  it('shows the gate, then the page once the right password is given', async () => {
    const { user, calls } = renderGate({
      responders: {
        PublicStatusPage: pageFor('grant-1'),
        UnlockStatusPage: () => ({ data: { unlockStatusPage: { token: 'grant-1', expiresAt: FUTURE } } }),
      },
    });
    const gate = await screen.findByTestId('page-gate');
    expect(within(gate).getByRole('heading', { level: 1, name: 'Acme internal' })).toBeInTheDocument();
    expect(gate).toHaveTextContent('This status page is private. Enter its password to view it.');
    expect(screen.getByText('Acme', { selector: '.sp-header__org' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Subscribe to updates' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.operationName === 'PublicStatusPage').map((c) => c.variables)).toEqual([{ slug: '' }]);

    await user.type(within(gate).getByLabelText('Password'), 'correct horse');
    await user.click(within(gate).getByRole('button', { name: 'View status page' }));

    const title = await screen.findByRole('heading', { level: 1, name: 'Acme internal' });
    expect(screen.queryByTestId('page-gate')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('status-component')).toHaveLength(1);
    expect(title).toHaveFocus();
    expect(calls.find((c) => c.operationName === 'UnlockStatusPage')?.variables).toEqual({ slug: '', password: 'correct horse' });
    expect(calls.filter((c) => c.operationName === 'PublicStatusPage').at(-1)?.variables).toEqual({ slug: '', accessToken: 'grant-1' });
    expect(keptGrant()).toEqual({ token: 'grant-1', expiresAt: FUTURE });
    // A restricted page's feeds are not served, so they are not offered.
    expect(screen.queryByRole('link', { name: 'RSS' })).not.toBeInTheDocument();
  });

  it('says when the password is wrong, and when there were too many attempts', async () => {
    let answer: unknown = gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'is not this page’s password' }] });
    const { user, calls } = renderGate({ slug: 'ops', responders: { PublicStatusPage: pageFor('never'), UnlockStatusPage: () => answer } });
    const gate = await screen.findByTestId('page-gate');
    const input = within(gate).getByLabelText('Password');

    // Nothing typed: the form's own check, no request.
    await user.click(within(gate).getByRole('button', { name: 'View status page' }));
    expect(within(gate).getByText('Enter the page’s password.')).toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(calls.some((c) => c.operationName === 'UnlockStatusPage')).toBe(false);

    await user.type(input, 'guess-one');
    await user.click(within(gate).getByRole('button', { name: 'View status page' }));
    expect(await within(gate).findByText('That’s not the password for this page. Check it and try again.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('not the password') as string);
    expect(input).toHaveFocus();
    expect(calls.find((c) => c.operationName === 'UnlockStatusPage')?.variables).toEqual({ slug: 'ops', password: 'guess-one' });

    answer = gqlError('too many requests; retry in 40 s', { code: 'RATE_LIMITED', retryAfter: 40 });
    await user.type(input, '2');
    expect(within(gate).queryByText(/not the password/)).not.toBeInTheDocument();
    await user.click(within(gate).getByRole('button', { name: 'View status page' }));
    expect(await within(gate).findByRole('alert')).toHaveTextContent('Too many attempts. Please try again in 40 seconds.');
    expect(keptGrant('ops')).toBeNull();
    expect(screen.queryByTestId('status-component')).not.toBeInTheDocument();
  });

  it('opens with a kept grant, and passes it when subscribing', async () => {
    localStorage.setItem(pageAccessKey(''), JSON.stringify({ token: 'grant-2', expiresAt: FUTURE }));
    const { user, calls } = renderGate({
      responders: {
        PublicStatusPage: pageFor('grant-2'),
        SubscribeToStatusPage: () => ({ data: { subscribeToStatusPage: { message: 'Check your inbox.' } } }),
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme internal' })).not.toHaveFocus();
    expect(screen.queryByTestId('page-gate')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.operationName === 'PublicStatusPage').map((c) => c.variables)).toEqual([{ slug: '', accessToken: 'grant-2' }]);

    await user.click(screen.getByRole('button', { name: 'Subscribe to updates' }));
    const dialog = await screen.findByRole('dialog', { name: 'Subscribe to updates' });
    await user.type(within(dialog).getByLabelText('Email'), 'ada@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(await within(dialog).findByTestId('subscribe-outcome')).toHaveTextContent('Check your inbox.');
    expect(calls.find((c) => c.operationName === 'SubscribeToStatusPage')?.variables).toEqual({
      slug: '',
      email: 'ada@example.com',
      componentIds: [],
      accessToken: 'grant-2',
    });
  });

  it('says why subscribing failed when the grant ended meanwhile', async () => {
    localStorage.setItem(pageAccessKey(''), JSON.stringify({ token: 'grant-4', expiresAt: FUTURE }));
    const { user } = renderGate({ responders: { PublicStatusPage: pageFor('grant-4'), SubscribeToStatusPage: () => locked('PASSWORD') } });
    await user.click(await screen.findByRole('button', { name: 'Subscribe to updates' }));
    const dialog = await screen.findByRole('dialog', { name: 'Subscribe to updates' });
    await user.type(within(dialog).getByLabelText('Email'), 'ada@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your access to this private page has ended. Reload the page to open it again, then subscribe.');
  });

  it('forgets a kept grant the server refuses, and says access ended', async () => {
    localStorage.setItem(pageAccessKey(''), JSON.stringify({ token: 'voided', expiresAt: FUTURE }));
    const { calls } = renderGate({ responders: { PublicStatusPage: pageFor('grant-new') } });
    const gate = await screen.findByTestId('page-gate');
    expect(within(gate).getByRole('status')).toHaveTextContent('Your access to this page has ended');
    expect(within(gate).getByRole('heading', { level: 1, name: 'Acme internal' })).toHaveFocus();
    expect(within(gate).getByLabelText('Password')).toBeInTheDocument();
    expect(keptGrant()).toBeNull();
    // One request, with the refused grant; none again without it.
    expect(calls.filter((c) => c.operationName === 'PublicStatusPage').map((c) => c.variables)).toEqual([{ slug: '', accessToken: 'voided' }]);
  });

  it('replaces the page with the gate when the grant stops working while it is open', async () => {
    localStorage.setItem(pageAccessKey(''), JSON.stringify({ token: 'grant-3', expiresAt: FUTURE }));
    const { queryClient } = renderGate({
      responders: { PublicStatusPage: (_vars, call) => (call === 0 ? { data: { publicStatusPage: page } } : locked('PASSWORD')) },
    });
    expect(await screen.findAllByTestId('status-component')).toHaveLength(1);
    // The next refresh (every 30 s) after the owner changed the page's access.
    await act(() => queryClient.invalidateQueries({ queryKey: ['public-status-page'] }));
    const gate = await screen.findByTestId('page-gate');
    expect(within(gate).getByRole('heading', { level: 1, name: 'Acme internal' })).toHaveFocus();
    expect(within(gate).getByRole('status')).toHaveTextContent('Your access to this page has ended: its password may have changed.');
    expect(screen.queryByTestId('status-component')).not.toBeInTheDocument();
    expect(keptGrant()).toBeNull();
  });

  it('drops an expired grant without sending it', async () => {
    localStorage.setItem(pageAccessKey(''), JSON.stringify({ token: 'old', expiresAt: '2020-01-01T00:00:00Z' }));
    const { calls } = renderGate({ responders: { PublicStatusPage: pageFor('grant-new') } });
    expect(await screen.findByTestId('page-gate')).not.toHaveTextContent('Your access to this page has ended');
    expect(calls.filter((c) => c.operationName === 'PublicStatusPage').map((c) => c.variables)).toEqual([{ slug: '' }]);
    expect(keptGrant()).toBeNull();
  });
});

describe('A page for some email domains', () => {
  it('mails a link and says to check the inbox, with the server’s message', async () => {
    const message = 'If ada@example.com may view this page, a link to open it is on its way.';
    const { user, calls } = renderGate({
      slug: 'ops',
      route: '/ops',
      responders: { PublicStatusPage: pageFor('never', 'EMAIL_DOMAIN'), RequestStatusPageAccess: () => ({ data: { requestStatusPageAccess: { message } } }) },
    });
    const gate = await screen.findByTestId('page-gate');
    expect(gate).toHaveAttribute('data-access', 'EMAIL_DOMAIN');
    expect(within(gate).queryByLabelText('Password')).not.toBeInTheDocument();
    const email = within(gate).getByLabelText('Work email');

    await user.type(email, 'not-an-address');
    await user.click(within(gate).getByRole('button', { name: 'Email me a link' }));
    expect(within(gate).getByText('Enter your email address in the form name@example.com.')).toBeInTheDocument();
    expect(email).toHaveFocus();
    expect(calls.some((c) => c.operationName === 'RequestStatusPageAccess')).toBe(false);

    await user.clear(email);
    await user.type(email, ' ada@example.com ');
    await user.click(within(gate).getByRole('button', { name: 'Email me a link' }));
    const sent = await within(gate).findByTestId('gate-link-sent');
    expect(within(sent).getByRole('heading', { level: 2, name: 'Check your inbox' })).toHaveFocus();
    expect(within(sent).getByTestId('gate-link-message')).toHaveTextContent(message);
    expect(calls.find((c) => c.operationName === 'RequestStatusPageAccess')?.variables).toEqual({ slug: 'ops', email: 'ada@example.com' });

    await user.click(within(sent).getByRole('button', { name: 'Use another address' }));
    expect(within(gate).getByLabelText('Work email')).toHaveFocus();
  });

  it('shows the field error and the rate limit from the server', async () => {
    let answer: unknown = gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'is not an email address' }] });
    const { user } = renderGate({ responders: { PublicStatusPage: pageFor('never', 'EMAIL_DOMAIN'), RequestStatusPageAccess: () => answer } });
    const gate = await screen.findByTestId('page-gate');
    await user.type(within(gate).getByLabelText('Work email'), 'ada@example.com');
    await user.click(within(gate).getByRole('button', { name: 'Email me a link' }));
    expect(await within(gate).findByText('Is not an email address.')).toBeInTheDocument();

    answer = gqlError('too many requests', { code: 'RATE_LIMITED', retryAfter: 120 });
    await user.click(within(gate).getByRole('button', { name: 'Email me a link' }));
    expect(await within(gate).findByRole('alert')).toHaveTextContent('Too many requests. Please try again in 2 minutes.');
  });

  it('opens from a mailed link: keeps its grant and takes it out of the address', async () => {
    const { router, calls } = renderGate({
      slug: 'ops',
      route: '/ops?access=link-grant&ref=mail#components',
      responders: { PublicStatusPage: pageFor('link-grant', 'EMAIL_DOMAIN') },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme internal' })).toBeInTheDocument();
    expect(screen.queryByTestId('page-gate')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.operationName === 'PublicStatusPage').map((c) => c.variables)).toEqual([{ slug: 'ops', accessToken: 'link-grant' }]);
    expect(keptGrant('ops')).toEqual({ token: 'link-grant', expiresAt: null });
    expect(router.state.location.pathname).toBe('/ops');
    expect(router.state.location.search).toBe('?ref=mail');
    expect(router.state.location.hash).toBe('#components');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('asks for a new link when the mailed one no longer works', async () => {
    const { router } = renderGate({ route: '/?access=stale', responders: { PublicStatusPage: pageFor('fresh', 'EMAIL_DOMAIN') } });
    const gate = await screen.findByTestId('page-gate');
    expect(within(gate).getByRole('status')).toHaveTextContent('Your access to this page has ended: its link expired or its settings changed. Ask for a new link.');
    expect(within(gate).getByLabelText('Work email')).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(keptGrant()).toBeNull();
  });
});
