import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '@/lib/session';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { AuthProvider } from './auth-provider';

const payload = {
  accessToken: 'token-1',
  expiresIn: 900,
  user: { id: 'u1', email: 'ada@example.com', name: 'Ada', emailVerified: true },
  tenant: { id: 't1', slug: 'acme', name: 'Acme', host: 'acme.beacon.test' },
  role: 'OWNER',
};

function Probe() {
  const { status, session } = useSession();
  return (
    <p data-testid="probe">
      {status}:{session?.accessToken ?? '-'}
    </p>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('AuthProvider', () => {
  it('restores the session from the refresh cookie once, and refreshes before expiry', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = renderApp(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
      {
        session: 'none',
        strict: true,
        graphql: { RefreshSession: (_vars, call) => ({ data: { refreshSession: { ...payload, accessToken: `token-${call + 1}` } } }) },
      },
    );

    expect(screen.getByTestId('probe')).toHaveTextContent('restoring:-');
    expect(await screen.findByText('authenticated:token-1')).toBeInTheDocument();
    // StrictMode runs effects twice; the rotating refresh token must be presented only once.
    expect(calls.filter((c) => c.operationName === 'RefreshSession')).toHaveLength(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync((payload.expiresIn - 60) * 1000);
    });
    expect(await screen.findByText('authenticated:token-2')).toBeInTheDocument();
    expect(calls).toHaveLength(2);
  });

  it('is anonymous when there is no session to restore', async () => {
    renderApp(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
      { session: 'none', strict: true, graphql: { RefreshSession: () => gqlError('invalid or expired credentials', { code: 'UNAUTHENTICATED' }) } },
    );

    expect(await screen.findByText('anonymous:-')).toBeInTheDocument();
  });
});
