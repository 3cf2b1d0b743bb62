import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/test/render';
import { AppHomeRoute } from './app-home';

const ada = { user: { id: 'u1', email: 'ada@example.com', name: 'Ada' }, role: 'OWNER', joinedAt: '2026-01-02T03:04:05Z' };

describe('AppHomeRoute', () => {
  it('lists the next steps for a new organization, with monitors marked as coming soon', async () => {
    renderApp(<AppHomeRoute />, {
      session: 'OWNER',
      graphql: {
        Members: () => ({ data: { members: [ada] } }),
        Invitations: () => ({ data: { invitations: [] } }),
        ApiKeys: () => ({ data: { apiKeys: [] } }),
      },
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Ada' })).toBeInTheDocument();
    expect(screen.getByTestId('step-verify-email')).toHaveTextContent('(done)');
    expect(screen.getByTestId('step-add-monitor')).toHaveTextContent('Coming soon');
    expect(within(screen.getByTestId('step-add-monitor')).queryByRole('link')).not.toBeInTheDocument();
    const invite = await screen.findByText('(to do)', { selector: '[data-testid="step-invite"] *' });
    expect(invite).toBeInTheDocument();
    expect(within(screen.getByTestId('step-invite')).getByRole('link', { name: 'Invite someone' })).toHaveAttribute('href', '/app/team');
    expect(within(screen.getByTestId('step-api-key')).getByRole('link', { name: 'Create a key' })).toHaveAttribute('href', '/app/api-keys');
    expect(screen.getByText('2 left to do.')).toBeInTheDocument();
  });

  it('marks steps done from the data', async () => {
    renderApp(<AppHomeRoute />, {
      session: 'ADMIN',
      graphql: {
        Members: () => ({ data: { members: [ada] } }),
        Invitations: () => ({ data: { invitations: [{ id: 'i1', email: 'bob@example.com', role: 'MEMBER', createdAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-04T00:00:00Z' }] } }),
        ApiKeys: () => ({ data: { apiKeys: [{ id: 'k1', name: 'CI', prefix: 'bk_1', scope: 'READ', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null, revokedAt: null }] } }),
      },
    });

    expect(await screen.findByText('You are all set for now.')).toBeInTheDocument();
    expect(screen.getByTestId('step-invite')).toHaveTextContent('(done)');
    expect(screen.getByTestId('step-api-key')).toHaveTextContent('(done)');
  });

  it('leaves out steps a member or viewer cannot take', () => {
    const { calls } = renderApp(<AppHomeRoute />, { session: 'VIEWER', graphql: { Members: () => ({ data: { members: [ada] } }) } });

    expect(screen.queryByTestId('step-invite')).not.toBeInTheDocument();
    expect(screen.queryByTestId('step-api-key')).not.toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'ApiKeys' || c.operationName === 'Invitations')).toBe(false);
  });
});
