import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testHost } from '@/test/render';
import { LogInRoute } from './log-in';

describe('LogInRoute', () => {
  it('on an organization’s host, names the organization and logs in to it', async () => {
    const { user, calls } = renderApp(<LogInRoute />, {
      session: null,
      route: '/login?email=ada%40example.com',
      host: testHost({ baseDomain: 'beacon.test', tenant: { slug: 'acme', name: 'Acme Corp' } }),
      graphql: { LogIn: () => ({ data: { logIn: { __typename: 'TenantChoicePayload', tenants: [] } } }) },
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Log in to Acme Corp' })).toBeInTheDocument();
    expect(screen.getByText('acme.beacon.test')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(calls[0]?.variables).toEqual({ input: { email: 'ada@example.com', password: 'correct horse battery', tenantSlug: 'acme' } });
  });

  it('on the apex, is the plain login', () => {
    renderApp(<LogInRoute />, { session: null });
    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByText('Welcome back to Beacon.')).toBeInTheDocument();
  });

  it('asks the server which organization the host is, with a placeholder meanwhile', async () => {
    const { calls } = renderApp(<LogInRoute />, {
      session: null,
      host: 'fetch',
      graphql: { HostContext: () => ({ data: { serverInfo: { baseDomain: 'localhost' }, hostTenant: { slug: 'globex', name: 'Globex' } } }) },
    });

    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Globex' })).toBeInTheDocument();
    expect(calls.map((c) => c.operationName)).toEqual(['HostContext']);
  });

  it('on a tenant-shaped host without an active organization, says so and where to go', () => {
    renderApp(<LogInRoute />, { session: null, host: testHost({ baseDomain: 'localhost', unknownTenantSlug: 'gone' }) });

    expect(screen.getByRole('heading', { level: 1, name: 'No organization here' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No active organization lives at gone.localhost');
    expect(screen.getByRole('link', { name: 'Log in on localhost' })).toHaveAttribute('href', 'http://localhost:3000/login');
    expect(screen.getByRole('link', { name: 'Create an organization' })).toHaveAttribute('href', 'http://localhost:3000/signup');
    expect(screen.queryByRole('form', { name: 'Log in' })).not.toBeInTheDocument();
  });
});
