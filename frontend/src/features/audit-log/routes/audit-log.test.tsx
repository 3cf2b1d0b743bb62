import { fireEvent, screen, within } from '@testing-library/react';
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
  it('sends the filter variables and passes the cursor for "Load more"', async () => {
    const { calls } = mockGraphQL({
      AuditEvents: (vars) => {
        if (vars.after === 'cursor-2') {
          return { data: { auditEvents: { nextCursor: null, events: [event('e3', 'api_key.created', 'api_key')] } } };
        }
        if (vars.filter) {
          return {
            data: {
              auditEvents: {
                nextCursor: 'cursor-2',
                events: [event('e2', 'api_key.created', 'api_key', '{"name":"CI","scope":"READ"}')],
              },
            },
          };
        }
        return { data: { auditEvents: { nextCursor: null, events: [event('e1', 'session.created', 'session')] } } };
      },
    });
    renderPage();

    expect(await screen.findByText('session.created')).toBeInTheDocument();
    expect(calls[0]?.variables).toEqual({ filter: null, first: 50, after: null });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'api_key.created' } });
    fireEvent.change(screen.getByLabelText('Entity type'), { target: { value: ' api_key ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    const table = await screen.findByRole('table', { name: 'Audit events' });
    await within(table).findByText(/"scope": "READ"/);
    expect(calls[1]?.variables).toEqual({ filter: { action: 'api_key.created', entityType: 'api_key' }, first: 50, after: null });
    expect(within(table).getByText('203.0.113.7')).toBeInTheDocument();
    // Changes are pretty-printed JSON.
    expect(table.querySelector('pre')?.textContent).toBe('{\n  "name": "CI",\n  "scope": "READ"\n}');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('audit-event-row')).toHaveLength(2));
    expect(calls[2]?.variables).toEqual({
      filter: { action: 'api_key.created', entityType: 'api_key' },
      first: 50,
      after: 'cursor-2',
    });
    expect(calls[2]?.headers.Authorization).toBe('Bearer access-token');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('explains FORBIDDEN in plain words', async () => {
    mockGraphQL({ AuditEvents: () => gqlError('forbidden', { code: 'FORBIDDEN' }) });
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent(/only owners and admins/i);
  });
});
