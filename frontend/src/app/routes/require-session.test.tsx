import { screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RenderAppOptions } from '@/test/render';
import { renderApp } from '@/test/render';
import { RequireSession } from './require-session';

function LoginProbe() {
  const location = useLocation();
  return <p data-testid="login">from {(location.state as { from?: string } | null)?.from}</p>;
}

function renderGuard(session: RenderAppOptions['session'], minimumRole?: 'ADMIN') {
  return renderApp(<p>Protected page</p>, {
    session,
    route: '/app/audit?x=1',
    path: '/login',
    routes: [{ element: <RequireSession minimumRole={minimumRole} />, children: [{ path: '/app/audit', element: <p>Protected page</p> }] }],
  });
}

describe('RequireSession', () => {
  it('shows the page to a signed-in user', () => {
    renderGuard('MEMBER');
    expect(screen.getByText('Protected page')).toBeInTheDocument();
  });

  it('sends an anonymous visitor to /login and remembers where they were going', () => {
    renderApp(<LoginProbe />, {
      session: null,
      route: '/app/audit?x=1',
      path: '/login',
      routes: [{ element: <RequireSession />, children: [{ path: '/app/audit', element: <p>Protected page</p> }] }],
    });
    expect(screen.getByTestId('login')).toHaveTextContent('from /app/audit?x=1');
    expect(screen.queryByText('Protected page')).not.toBeInTheDocument();
  });

  it('waits while the session is being restored', () => {
    renderGuard('restoring');
    expect(screen.getByRole('status')).toHaveTextContent(/restoring your session/i);
    expect(screen.queryByText('Protected page')).not.toBeInTheDocument();
  });

  it('explains when the role is too low, instead of showing the page', () => {
    renderGuard('MEMBER', 'ADMIN');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('You don’t have access to this page');
    expect(screen.getByText(/only owners and admins of acme/i)).toBeInTheDocument();
    expect(screen.queryByText('Protected page')).not.toBeInTheDocument();
  });

  it('lets an owner through an admin-only page', () => {
    renderGuard('OWNER', 'ADMIN');
    expect(screen.getByText('Protected page')).toBeInTheDocument();
  });
});
