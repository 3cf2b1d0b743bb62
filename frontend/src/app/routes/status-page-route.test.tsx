import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, testHost } from '@/test/render';
import { StatusPageRoute } from './status-page-route';

const page = {
  organization: 'Acme',
  title: 'API status',
  description: '',
  status: 'MAINTENANCE',
  components: [],
  activeOutages: [],
  recentOutages: [],
  activeIncidents: [],
  incidentHistory: { incidents: [], hasNextPage: false, endCursor: null },
  maintenance: [],
  generatedAt: '2026-11-29T12:00:00Z',
};

describe('StatusPageRoute (/:pageSlug)', () => {
  it('shows the organization’s page at that path', async () => {
    const { calls } = renderApp(<StatusPageRoute />, {
      session: null,
      path: '/:pageSlug',
      route: '/API',
      host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }),
      graphql: { PublicStatusPage: () => ({ data: { publicStatusPage: page } }) },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'API status' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('overall-status')).toHaveTextContent('Under maintenance');
    expect(calls[0]?.variables).toEqual({ slug: 'api' });
  });

  it('is the not-found page where there is no such page', async () => {
    renderApp(<StatusPageRoute />, {
      session: null,
      path: '/:pageSlug',
      route: '/nope',
      host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }),
      graphql: { PublicStatusPage: () => ({ data: { publicStatusPage: null } }) },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('is the not-found page on the apex, without asking', () => {
    const { calls } = renderApp(<StatusPageRoute />, { session: null, path: '/:pageSlug', route: '/nope', graphql: {} });
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
