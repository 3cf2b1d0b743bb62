import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { AcceptInvitationRoute } from './accept-invitation';
import { renderApp } from '@/test/render';

function renderPage(route = '/accept-invitation?token=tok-123') {
  return renderApp(<AcceptInvitationRoute />, { session: null, route });
}


describe('AcceptInvitationRoute', () => {
  it('creates the account (new to Beacon) and says which organization was joined', async () => {
    const { calls } = mockGraphQL({
      AcceptInvitation: () => ({ data: { acceptInvitation: { tenantSlug: 'acme', role: 'MEMBER' } } }),
    });
    const { user } = renderPage();

    expect(screen.getByRole('radio', { name: /I’m new to Beacon/ })).toBeChecked();
    await user.type(screen.getByLabelText('Your name'), ' Grace Hopper ');
    await user.type(screen.getByLabelText('Choose a password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('You joined acme as member');
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(calls[0]?.variables).toEqual({ input: { token: 'tok-123', password: 'a-long-password', name: 'Grace Hopper' } });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('checks the new-account fields before sending', async () => {
    const { calls } = mockGraphQL({});
    const { user } = renderPage();

    await user.type(screen.getByLabelText('Choose a password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Your name')).toHaveFocus();
    expect(screen.getByLabelText('Choose a password')).toHaveAccessibleDescription(/at least 10 characters long/);
    expect(calls).toHaveLength(0);
  });

  it('joins with an existing account: password only, no name', async () => {
    const { calls } = mockGraphQL({
      AcceptInvitation: () => gqlError('wrong password', { code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'wrong password' }] }),
    });
    const { user } = renderPage();

    await user.click(screen.getByRole('radio', { name: /I already have an account/ }));
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Your Beacon password'), 'not-my-password');
    await user.click(screen.getByRole('button', { name: 'Join organization' }));

    expect(await screen.findByText('Wrong password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Your Beacon password')).toHaveAttribute('aria-invalid', 'true');
    expect(calls[0]?.variables).toEqual({ input: { token: 'tok-123', password: 'not-my-password' } });
  });

  it('explains an invalid or used token', async () => {
    mockGraphQL({
      AcceptInvitation: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: 'this invitation is invalid or has expired' }] }),
    });
    const { user } = renderPage();

    await user.click(screen.getByRole('radio', { name: /I already have an account/ }));
    await user.type(screen.getByLabelText('Your Beacon password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Join organization' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation is invalid or has expired.');
  });

  it('shows an error without a token', () => {
    renderPage('/accept-invitation');
    expect(screen.getByRole('alert')).toHaveTextContent(/no token/i);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
