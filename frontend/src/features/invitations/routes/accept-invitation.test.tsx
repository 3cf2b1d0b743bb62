import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { AcceptInvitationRoute } from './accept-invitation';
import { renderApp } from '@/test/render';

function renderPage(route = '/accept-invitation?token=tok-123') {
  return renderApp(<AcceptInvitationRoute />, { session: null, route });
}


describe('AcceptInvitationRoute', () => {
  it('creates the account and says which organization was joined', async () => {
    const { calls } = mockGraphQL({
      AcceptInvitation: () => ({ data: { acceptInvitation: { tenantSlug: 'acme', role: 'MEMBER' } } }),
    });
    renderPage();

    expect(screen.getByText(/only if you are new to beacon/i)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: ' Grace Hopper ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-long-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('You joined acme as member');
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(calls[0]?.variables).toEqual({ input: { token: 'tok-123', password: 'a-long-password', name: 'Grace Hopper' } });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it('leaves out an empty name (existing account)', async () => {
    const { calls } = mockGraphQL({
      AcceptInvitation: () => gqlError('wrong password', { code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'wrong password' }] }),
    });
    renderPage();

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'not-my-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('Wrong password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(calls[0]?.variables).toEqual({ input: { token: 'tok-123', password: 'not-my-password' } });
  });

  it('explains an invalid or used token', async () => {
    mockGraphQL({
      AcceptInvitation: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: 'this invitation is invalid or has expired' }] }),
    });
    renderPage();

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-long-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation is invalid or has expired.');
  });

  it('shows an error without a token', () => {
    renderPage('/accept-invitation');
    expect(screen.getByRole('alert')).toHaveTextContent(/no token/i);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
