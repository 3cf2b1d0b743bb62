import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { ApiKeysRoute } from './api-keys';
import { renderApp } from '@/test/render';

const existingKey = {
  id: 'k1',
  name: 'Old key',
  prefix: 'bk_old1',
  scope: 'READ',
  createdAt: '2026-01-02T03:04:05Z',
  lastUsedAt: null,
  revokedAt: null,
};
const newKey = { id: 'k2', name: 'CI deploys', prefix: 'bk_new2', scope: 'READ_WRITE', createdAt: '2026-02-01T00:00:00Z' };
const SECRET = 'bk_new2_s3cr3t-value';

function renderPage() {
  return renderApp(<ApiKeysRoute />, { session: 'OWNER' });
}


describe('ApiKeysRoute', () => {
  it('creates a key and shows its secret once', async () => {
    const { calls } = mockGraphQL({
      ApiKeys: (_vars, call) => ({
        data: { apiKeys: call === 0 ? [existingKey] : [{ ...newKey, lastUsedAt: null, revokedAt: null }, existingKey] },
      }),
      CreateApiKey: () => ({ data: { createApiKey: { secret: SECRET, key: newKey } } }),
    });
    renderPage();

    expect(await screen.findByText('Old key')).toBeInTheDocument();
    expect(screen.queryByTestId('api-key-secret')).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Key name'), { target: { value: ' CI deploys ' } });
    fireEvent.change(screen.getByLabelText('Scope'), { target: { value: 'READ_WRITE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create API key' }));

    const box = await screen.findByRole('region', { name: 'New API key secret' });
    expect(within(box).getByTestId('api-key-secret')).toHaveTextContent(SECRET);
    expect(box).toHaveTextContent(/will not be shown again/i);
    expect(calls.find((c) => c.operationName === 'CreateApiKey')?.variables).toEqual({
      input: { name: 'CI deploys', scope: 'READ_WRITE' },
    });
    expect(calls.find((c) => c.operationName === 'CreateApiKey')?.headers.Authorization).toBe('Bearer access-token');

    // The list is refreshed, and shows the prefix only, never the secret.
    const table = screen.getByRole('table', { name: 'API keys' });
    expect(await within(table).findByText('CI deploys')).toBeInTheDocument();
    expect(within(table).queryByText(SECRET)).not.toBeInTheDocument();
    expect(screen.getAllByText(SECRET)).toHaveLength(1);

    // Once dismissed, the secret is gone for good.
    fireEvent.click(within(box).getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'New API key secret' })).not.toBeInTheDocument();
  });

  it('revokes a key after confirmation', async () => {
    const { calls } = mockGraphQL({
      ApiKeys: (_vars, call) => ({
        data: { apiKeys: [call === 0 ? existingKey : { ...existingKey, revokedAt: '2026-03-01T00:00:00Z' }] },
      }),
      RevokeApiKey: (vars) => ({ data: { revokeApiKey: { id: vars.id, revokedAt: '2026-03-01T00:00:00Z' } } }),
    });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Old key' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke “Old key”?' });
    expect(calls.some((c) => c.operationName === 'RevokeApiKey')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    expect(await screen.findByText('Revoked')).toBeInTheDocument();
    expect(await screen.findByText('API key revoked')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'RevokeApiKey')?.variables).toEqual({ id: 'k1' });
    expect(screen.queryByRole('button', { name: /revoke/i })).not.toBeInTheDocument();
  });

  it('resets the form after creating, and asks before leaving while the secret is unsaved', async () => {
    mockGraphQL({
      ApiKeys: () => ({ data: { apiKeys: [existingKey] } }),
      CreateApiKey: () => ({ data: { createApiKey: { secret: SECRET, key: newKey } } }),
    });
    const { user, router } = renderApp(<ApiKeysRoute />, { session: 'OWNER', route: '/app/api-keys', path: '/app/api-keys' });

    await user.type(await screen.findByLabelText('Key name'), 'CI deploys');
    await user.selectOptions(screen.getByLabelText('Scope'), 'READ_WRITE');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await screen.findByTestId('api-key-secret');
    expect(screen.getByLabelText('Key name')).toHaveValue('');
    expect(screen.getByLabelText('Scope')).toHaveValue('READ');

    // Leaving in the app is blocked until confirmed; a reload or close gets the browser's prompt.
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    await act(() => router.navigate('/app/team'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving the key?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/app/api-keys');
    expect(screen.getByTestId('api-key-secret')).toBeInTheDocument();

    await act(() => router.navigate('/app/team'));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave anyway' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/app/team'));
  });

  it('lets you leave freely once the secret is saved', async () => {
    mockGraphQL({
      ApiKeys: () => ({ data: { apiKeys: [existingKey] } }),
      CreateApiKey: () => ({ data: { createApiKey: { secret: SECRET, key: newKey } } }),
    });
    const { user, router } = renderApp(<ApiKeysRoute />, { session: 'OWNER', route: '/app/api-keys', path: '/app/api-keys' });

    await user.type(await screen.findByLabelText('Key name'), 'CI deploys');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    await user.click(await screen.findByRole('button', { name: 'I have saved it' }));
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    await act(() => router.navigate('/app/team'));
    expect(router.state.location.pathname).toBe('/app/team');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('explains FORBIDDEN in plain words', async () => {
    mockGraphQL({ ApiKeys: () => gqlError('forbidden', { code: 'FORBIDDEN' }) });
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent(/only owners and admins/i);
  });
});
