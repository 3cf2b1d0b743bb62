import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { AuditLogRoute } from './audit-log';
import { renderApp } from '@/test/render';

function event(id: string, action: string, entityType: string, changes = '{}') {
  return {
    id,
    action,
    entityType,
    entityId: `${entityType}-1`,
    actorUserId: 'u1',
    actorApiKeyId: null,
    actorName: 'Ada',
    requestId: `req-${id}`,
    clientIp: '203.0.113.7',
    changes,
    createdAt: '2026-02-01T10:00:00Z',
  };
}

function renderPage() {
  return renderApp(<AuditLogRoute />, { session: 'ADMIN' });
}


describe('AuditLogRoute', () => {
  it('filters by action and entity from menus, and passes the cursor for "Load more"', async () => {
    const { calls } = mockGraphQL({
      AuditEvents: (vars) => {
        if (vars.after === 'cursor-2') {
          return { data: { auditEvents: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [event('e3', 'api_key.created', 'api_key')] } } };
        }
        if (vars.filter) {
          return {
            data: {
              auditEvents: {
                pageInfo: { hasNextPage: true, endCursor: 'cursor-2' },
                nodes: [event('e2', 'api_key.created', 'api_key', '{"name":"CI","scope":"ReadWrite","prefix":"bk_x"}')],
              },
            },
          };
        }
        return { data: { auditEvents: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [event('e1', 'session.created', 'session')] } } };
      },
    });
    const { user } = renderPage();

    expect(await screen.findByText('session.created')).toBeInTheDocument();
    expect(calls[0]?.variables).toEqual({ filter: null, first: 50, after: null });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Action'), 'API key created');
    await user.selectOptions(screen.getByLabelText('About'), 'API keys');

    const table = await screen.findByRole('table', { name: 'Audit events' });
    expect(await within(table).findByText('You created the API key “CI” (read & write).')).toBeInTheDocument();
    expect(calls.at(-1)?.variables).toEqual({ filter: { action: 'api_key.created', entityType: 'api_key' }, first: 50, after: null });
    expect(within(table).getByText('203.0.113.7')).toBeInTheDocument();
    // The raw change is one click away, pretty-printed.
    expect(table.querySelector('pre')?.textContent).toBe('{\n  "name": "CI",\n  "scope": "ReadWrite",\n  "prefix": "bk_x"\n}');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('audit-event-row')).toHaveLength(2));
    expect(calls.at(-1)?.variables).toEqual({ filter: { action: 'api_key.created', entityType: 'api_key' }, first: 50, after: 'cursor-2' });
    expect(calls.at(-1)?.headers.Authorization).toBe('Bearer access-token');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('You logged in.')).toBeInTheDocument();
  });

  it('names other actors by the server’s actorName, and offers an empty state', async () => {
    const other = '0192f0aa-1111-2222-3333-444455556666';
    const nodes = [
      { ...event('e1', 'member.role_changed', 'user', '{"role":{"from":"Member","to":"Admin"}}'), actorUserId: other, actorName: 'Grace Hopper' },
      { ...event('e2', 'api_key.revoked', 'api_key', '{"name":"deploy"}'), actorUserId: null, actorApiKeyId: 'k1', actorName: 'API key “CI”' },
      { ...event('e3', 'user.password_changed', 'user'), actorUserId: 'gone-user', actorName: 'A former member' },
      { ...event('e4', 'tenant.suspended', 'tenant'), actorUserId: null, actorName: 'Beacon' },
    ];
    mockGraphQL({
      AuditEvents: (vars) =>
        vars.filter
          ? { data: { auditEvents: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } }
          : { data: { auditEvents: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } } },
    });
    const { user } = renderPage();

    const table = await screen.findByRole('table', { name: 'Audit events' });
    expect(within(table).getAllByTestId('audit-summary').map((cell) => cell.textContent)).toEqual([
      'Grace Hopper changed a member’s role from member to admin.',
      'API key “CI” revoked the API key “deploy”.',
      'A former member changed their password.',
      'Beacon suspended the organization.',
    ]);
    // The details keep the id next to the name.
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(`Grace Hopper ${other}`);
    expect(screen.queryByText(/0192f0aa…/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Action'), 'Member removed');
    expect(await screen.findByText('No events match.')).toBeInTheDocument();
  });

  it('explains FORBIDDEN in plain words', async () => {
    mockGraphQL({ AuditEvents: () => gqlError('forbidden', { code: 'FORBIDDEN' }) });
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent(/only owners and admins/i);
  });
});
