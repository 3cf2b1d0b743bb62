import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testHost } from '@/test/render';
import { IndexRoute } from './index-route';

const login = { path: '/login', element: <p>Login page</p> };
const app = { path: '/app', element: <p>Dashboard</p> };
const serverInfo = { ServerInfo: () => ({ data: { serverInfo: { version: '1.2.3', apiVersion: '1' } } }) };

describe('IndexRoute', () => {
  it('shows the landing page on the apex', async () => {
    renderApp(<IndexRoute />, { session: null, path: '/', graphql: serverInfo });
    expect(screen.getByRole('heading', { level: 1, name: /Know your services are down/ })).toBeInTheDocument();
    expect(await screen.findByTestId('server-version')).toHaveTextContent('1.2.3');
  });

  it('shows an organization’s login on its own host (as the server says)', () => {
    const { router } = renderApp(<IndexRoute />, {
      session: null,
      path: '/',
      routes: [login],
      host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }),
    });
    expect(screen.getByText('Login page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('goes to the dashboard there when signed in', () => {
    renderApp(<IndexRoute />, { session: 'MEMBER', path: '/', routes: [login, app], host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }) });
    expect(screen.getByText('Dashboard')).toBeInTheDocument();
  });

  it('sends a tenant-shaped host without an organization to the login page, which explains', () => {
    renderApp(<IndexRoute />, { session: null, path: '/', routes: [login], host: testHost({ unknownTenantSlug: 'gone' }) });
    expect(screen.getByText('Login page')).toBeInTheDocument();
  });

  it('waits for the server’s answer before choosing', async () => {
    renderApp(<IndexRoute />, {
      session: null,
      path: '/',
      routes: [login],
      host: 'fetch',
      graphql: { HostContext: () => ({ data: { serverInfo: { baseDomain: 'localhost' }, hostTenant: { slug: 'acme', name: 'Acme' } } }) },
    });
    expect(screen.queryByText('Login page')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(await screen.findByText('Login page')).toBeInTheDocument();
  });
});
