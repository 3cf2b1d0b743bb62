import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { VerifyEmailRoute } from './verify-email';

function renderPage(answer: () => unknown, route = '/verify-email?token=tok-1') {
  return renderApp(<VerifyEmailRoute />, { session: null, route, strict: true, graphql: { VerifyEmail: answer } });
}

describe('VerifyEmailRoute', () => {
  it('verifies once (even in StrictMode) and says the address is verified', async () => {
    const { calls } = renderPage(() => ({ data: { verifyEmail: { verified: true, alreadyVerified: false } } }));

    expect(screen.getByRole('status')).toHaveTextContent('Verifying your email address…');
    expect(await screen.findByText('Your address is verified.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.variables).toEqual({ token: 'tok-1' });
  });

  it('tells a link opened again that the address is already verified', async () => {
    renderPage(() => ({ data: { verifyEmail: { verified: true, alreadyVerified: true } } }));

    expect(await screen.findByText('This address is already verified — log in.')).toBeInTheDocument();
    expect(screen.queryByText('Your address is verified.')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
  });

  it('explains an invalid link and the next step', async () => {
    renderPage(() => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'token', message: 'this link is invalid or has expired' }] }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link is invalid or has expired.');
    expect(alert).toHaveTextContent(/ask for a new link there/);
    expect(screen.getByRole('link', { name: 'Go to log in' })).toHaveAttribute('href', '/login');
  });

  it('needs a token', () => {
    renderPage(() => ({}), '/verify-email');
    expect(screen.getByRole('alert')).toHaveTextContent(/no token/i);
  });
});
