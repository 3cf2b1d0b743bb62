import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { mockGraphQL } from '@/test/graphql-mock';
import { describeUserAgent } from '../components/user-agent';
import { AccountRoute } from './account';
import { renderApp } from '@/test/render';

const me = {
  user: { email: 'ada@example.com', name: 'Ada' },
  tenant: { slug: 'acme', name: 'Acme', host: 'acme.beacon.test' },
  role: 'OWNER',
};
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const thisBrowser = { id: 's1', lastActiveAt: '2026-03-02T10:00:00Z', userAgent: CHROME_LINUX, tenantSlug: 'acme', current: true };
const otherDevice = { id: 's2', lastActiveAt: '2026-03-01T09:00:00Z', userAgent: FIREFOX_WINDOWS, tenantSlug: 'globex', current: false };

function renderPage() {
  return renderApp(<AccountRoute />, { session: 'OWNER' });
}


describe('AccountRoute sessions', () => {
  it('lists the sessions with a badge for this browser', async () => {
    const { calls } = mockGraphQL({
      Me: () => ({ data: { me } }),
      MySessions: () => ({ data: { mySessions: [thisBrowser, otherDevice] } }),
    });
    renderPage();

    const list = await screen.findByRole('list', { name: 'Active sessions' });
    const rows = within(list).getAllByTestId('session-row');
    expect(rows).toHaveLength(2);
    const [current, other] = rows as [HTMLElement, HTMLElement];
    expect(current).toHaveTextContent('Chrome on Linux');
    expect(current).toHaveTextContent('acme');
    expect(within(current).getByText('This browser')).toBeInTheDocument();
    expect(within(current).queryByRole('button', { name: /end session/i })).not.toBeInTheDocument();
    expect(other).toHaveTextContent('Firefox on Windows');
    expect(other).toHaveTextContent('globex');
    expect(within(other).queryByText('This browser')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log out everywhere' })).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'MySessions')?.headers.Authorization).toBe('Bearer access-token');
  });

  it('ends another session after confirmation and refreshes the list', async () => {
    const { calls } = mockGraphQL({
      Me: () => ({ data: { me } }),
      MySessions: (_vars, call) => ({ data: { mySessions: call === 0 ? [thisBrowser, otherDevice] : [thisBrowser] } }),
      RevokeSession: () => ({ data: { revokeSession: true } }),
    });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'End session Firefox on Windows in globex' }));
    expect(calls.some((c) => c.operationName === 'RevokeSession')).toBe(false);
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'End session' }));

    await vi.waitFor(() => expect(screen.queryByText('Firefox on Windows')).not.toBeInTheDocument());
    const revoke = calls.find((c) => c.operationName === 'RevokeSession');
    expect(revoke?.variables).toEqual({ id: 's2' });
    expect(revoke?.headers.Authorization).toBe('Bearer access-token');
    expect(calls.filter((c) => c.operationName === 'MySessions')).toHaveLength(2);
    expect(screen.getAllByTestId('session-row')).toHaveLength(1);
  });
});

describe('describeUserAgent', () => {
  it('names browser and system briefly', () => {
    expect(describeUserAgent(CHROME_LINUX)).toBe('Chrome on Linux');
    expect(describeUserAgent(FIREFOX_WINDOWS)).toBe('Firefox on Windows');
    expect(
      describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'),
    ).toBe('Safari on iOS');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0')).toBe('Edge on Windows');
    expect(describeUserAgent(null)).toBe('Unknown device');
  });
});
