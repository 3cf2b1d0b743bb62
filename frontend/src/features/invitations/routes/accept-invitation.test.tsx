import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { AcceptInvitationRoute } from './accept-invitation';

const preview = {
  email: 'grace@example.com',
  role: 'MEMBER',
  tenantName: 'Acme Corp',
  tenantSlug: 'acme',
  inviterName: 'Ann Owner',
  existingAccount: false,
  expiresAt: '2030-01-08T10:00:00Z',
};

type Responders = NonNullable<Parameters<typeof renderApp>[1]>['graphql'];

function renderPage(graphql: Responders, route = '/accept-invitation?token=tok-123') {
  return renderApp(<AcceptInvitationRoute />, { session: null, route, graphql, host: testHost({ baseDomain: 'beacon.test' }) });
}

describe('AcceptInvitationRoute', () => {
  it('says who invited you, to which organization and with which role, before anything is accepted', async () => {
    const { calls } = renderPage({ Invitation: () => ({ data: { invitation: preview } }) });

    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Acme Corp' })).toBeInTheDocument();
    expect(screen.getByTestId('invitation-headline')).toHaveTextContent('Ann Owner invited you to join Acme Corp as member.');
    const summary = screen.getByRole('region', { name: /Ann Owner invited you/ });
    expect(within(summary).getByText('(acme.beacon.test)')).toBeInTheDocument();
    expect(within(summary).getByText('Member')).toBeInTheDocument();
    expect(within(summary).getByTestId('invitation-email')).toHaveTextContent('grace@example.com');
    expect(within(summary).getByText(new Date(preview.expiresAt).toLocaleString())).toBeInTheDocument();
    expect(calls).toEqual([expect.objectContaining({ operationName: 'Invitation', variables: { token: 'tok-123' } })]);
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('without a known inviter, still names the organization and role', async () => {
    renderPage({ Invitation: () => ({ data: { invitation: { ...preview, inviterName: null, role: 'VIEWER' } } }) });
    expect(await screen.findByTestId('invitation-headline')).toHaveTextContent('Someone invited you to join Acme Corp as viewer.');
  });

  it('new to Beacon: asks for a name and a new password, then says which organization was joined', async () => {
    const { user, calls } = renderPage({
      Invitation: () => ({ data: { invitation: preview } }),
      AcceptInvitation: () => ({ data: { acceptInvitation: { tenantSlug: 'acme', role: 'MEMBER' } } }),
    });

    await screen.findByRole('form', { name: 'Create your account and join' });
    expect(screen.getByLabelText('Email')).toHaveValue('grace@example.com');
    expect(screen.getByLabelText('Email')).toHaveAttribute('readonly');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Your name'), ' Grace Hopper ');
    await user.type(screen.getByLabelText('Choose a password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    expect(await screen.findByTestId('invitation-accepted')).toHaveTextContent('You joined Acme Corp as member.');
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login?email=grace%40example.com');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(calls.at(-1)?.variables).toEqual({ input: { token: 'tok-123', password: 'a-long-password', name: 'Grace Hopper' } });
    expect(calls.at(-1)?.headers.Authorization).toBeUndefined();
  });

  it('checks the new-account fields before sending', async () => {
    const { user, calls } = renderPage({ Invitation: () => ({ data: { invitation: preview } }) });

    await user.type(await screen.findByLabelText('Choose a password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Your name')).toHaveFocus();
    expect(screen.getByLabelText('Choose a password')).toHaveAccessibleDescription(/at least 10 characters long/);
    expect(calls.map((c) => c.operationName)).toEqual(['Invitation']);
  });

  it('an existing account: password only, no name; a wrong password is named at its field', async () => {
    const { user, calls } = renderPage({
      Invitation: () => ({ data: { invitation: { ...preview, existingAccount: true } } }),
      AcceptInvitation: () => gqlError('wrong password', { code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'wrong password' }] }),
    });

    await screen.findByRole('form', { name: 'Join with your account' });
    expect(screen.getByTestId('invitation-flow')).toHaveTextContent('grace@example.com already has a Beacon account.');
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Your Beacon password'), 'not-my-password');
    await user.click(screen.getByRole('button', { name: 'Join Acme Corp' }));

    expect(await screen.findByText('Wrong password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Your Beacon password')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.at(-1)?.variables).toEqual({ input: { token: 'tok-123', password: 'not-my-password' } });
  });

  it('an unknown, used or expired link: a clear error state with next steps, and no form', async () => {
    const { calls } = renderPage({
      Invitation: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: 'this invitation is invalid or has expired' }] }),
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation can’t be used' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This invitation is invalid or has expired.');
    expect(screen.getByText(/Ask the person who invited you to send a new invitation/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    // Not retried: the answer will not change (and the preview shares a rate limit).
    expect(calls).toHaveLength(1);
  });

  it('a link used up between opening and accepting: says so above the form', async () => {
    const { user } = renderPage({
      Invitation: () => ({ data: { invitation: { ...preview, existingAccount: true } } }),
      AcceptInvitation: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: 'this invitation is invalid or has expired' }] }),
    });

    await user.type(await screen.findByLabelText('Your Beacon password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Join Acme Corp' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation is invalid or has expired.');
  });

  it('other failures are retried once, then offered to try again', async () => {
    const { user, calls } = renderPage({
      Invitation: (_vars, call) => (call < 2 ? gqlError('database unavailable', { code: 'INTERNAL_SERVER_ERROR' }) : { data: { invitation: preview } }),
    });

    expect(await screen.findByText('Could not load your invitation', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(calls).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Acme Corp' })).toBeInTheDocument();
  });

  it('shows an error without a token, and asks nothing', () => {
    const { calls } = renderPage({}, '/accept-invitation');
    expect(screen.getByRole('alert')).toHaveTextContent(/no token/i);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
