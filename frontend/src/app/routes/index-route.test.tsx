import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testHost } from '@/test/render';
import { IndexRoute } from './index-route';

const login = { path: '/login', element: <p>Login page</p> };
const app = { path: '/app', element: <p>Dashboard</p> };
const serverInfo = { ServerInfo: () => ({ data: { serverInfo: { version: '1.2.3', apiVersion: '1' } } }) };
const noPage = { PublicStatusPage: () => ({ data: { publicStatusPage: null } }) };
const defaultPage = {
  PublicStatusPage: () => ({
    data: {
      publicStatusPage: {
        organization: 'Acme',
        title: 'Acme status',
        description: '',
        status: 'OPERATIONAL',
        components: [],
        activeOutages: [],
        recentOutages: [],
        activeIncidents: [],
        incidentHistory: { incidents: [], hasNextPage: false, endCursor: null },
        maintenance: [],
        generatedAt: '2026-11-29T12:00:00Z',
      },
    },
  }),
};

describe('IndexRoute', () => {
  it('shows the landing page on the apex', async () => {
    renderApp(<IndexRoute />, { session: null, path: '/', graphql: serverInfo });
    expect(screen.getByRole('heading', { level: 1, name: /Know your services are down/ })).toBeInTheDocument();
    expect(await screen.findByTestId('server-version')).toHaveTextContent('1.2.3');
  });

  it('shows an organization’s default status page on its own host, to anyone', async () => {
    const { calls } = renderApp(<IndexRoute />, { session: 'MEMBER', path: '/', routes: [login, app], host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }), graphql: defaultPage });
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme status' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('overall-status')).toHaveTextContent('All systems operational');
    expect(calls.map((c) => c.variables)).toEqual([{ slug: '' }]);
    expect(screen.queryByText('Dashboard')).not.toBeInTheDocument();
  });

  it('shows an organization’s login on its own host when it has no default page (as the server says)', async () => {
    const { router } = renderApp(<IndexRoute />, {
      session: null,
      path: '/',
      routes: [login],
      host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }),
      graphql: noPage,
    });
    expect(await screen.findByText('Login page', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('goes to the dashboard there when signed in', async () => {
    renderApp(<IndexRoute />, { session: 'MEMBER', path: '/', routes: [login, app], host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }), graphql: noPage });
    expect(await screen.findByText('Dashboard', undefined, { timeout: 5000 })).toBeInTheDocument();
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
      graphql: { HostContext: () => ({ data: { serverInfo: { baseDomain: 'localhost' }, hostTenant: { slug: 'acme', name: 'Acme' } } }), ...noPage },
    });
    expect(screen.queryByText('Login page')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(await screen.findByText('Login page', undefined, { timeout: 5000 })).toBeInTheDocument();
  });
});
