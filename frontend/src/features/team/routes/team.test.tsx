import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SessionRole } from '@/lib/session';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { TeamRoute } from './team';
import { renderApp } from '@/test/render';

const members = [
  { user: { id: 'u1', email: 'ada@example.com', name: 'Ada' }, role: 'OWNER', joinedAt: '2026-01-02T03:04:05Z' },
  { user: { id: 'u2', email: 'bob@example.com', name: 'Bob' }, role: 'MEMBER', joinedAt: '2026-01-03T03:04:05Z' },
];
const invitation = { id: 'i1', email: 'carol@example.com', role: 'VIEWER', createdAt: '2026-02-01T00:00:00Z', expiresAt: '2026-02-08T00:00:00Z' };

function renderPage(role: SessionRole = 'OWNER') {
  return renderApp(<TeamRoute />, { session: role });
}


describe('TeamRoute', () => {
  it('shows an existing member (CONFLICT on email) next to the email field', async () => {
    const { calls } = mockGraphQL({
      Members: () => ({ data: { members } }),
      Invitations: () => ({ data: { invitations: [] } }),
      InviteMember: () => gqlError('is already a member', { code: 'CONFLICT', field: 'email' }),
    });
    renderPage();

    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Invite someone' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: ' bob@example.com ' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'ADMIN' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(await within(form).findByText('Is already a member.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription(/Is already a member\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'InviteMember')?.variables).toEqual({
      input: { email: 'bob@example.com', role: 'ADMIN' },
    });
  });

  it('invites someone and lists the pending invitation', async () => {
    mockGraphQL({
      Members: () => ({ data: { members } }),
      Invitations: (_vars, call) => ({ data: { invitations: call === 0 ? [] : [invitation] } }),
      InviteMember: () => ({ data: { inviteMember: { id: 'i1', email: 'carol@example.com', role: 'VIEWER' } } }),
    });
    renderPage();

    const form = await screen.findByRole('form', { name: 'Invite someone' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'carol@example.com' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'VIEWER' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Invitation sent to carol@example.com as viewer.');
    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(table).getByText('carol@example.com')).toBeInTheDocument();
  });

  it('explains a CONFLICT when demoting the last owner', async () => {
    const { calls } = mockGraphQL({
      Members: () => ({ data: { members } }),
      Invitations: () => ({ data: { invitations: [] } }),
      ChangeMemberRole: () => gqlError('the last owner', { code: 'CONFLICT' }),
    });
    renderPage();

    fireEvent.change(await screen.findByLabelText('Role of Ada'), { target: { value: 'ADMIN' } });
    expect(await screen.findByRole('alert')).toHaveTextContent(/last owner/i);
    expect(calls.find((c) => c.operationName === 'ChangeMemberRole')?.variables).toEqual({ userId: 'u1', role: 'ADMIN' });
  });

  it('removes a member after confirmation', async () => {
    const { calls } = mockGraphQL({
      Members: (_vars, call) => ({ data: { members: call === 0 ? members : [members[0]] } }),
      Invitations: () => ({ data: { invitations: [] } }),
      RemoveMember: () => ({ data: { removeMember: true } }),
    });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Remove Bob' }));
    expect(calls.some((c) => c.operationName === 'RemoveMember')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm remove' }));

    const table = screen.getByRole('table', { name: 'Members' });
    await vi.waitFor(() => expect(within(table).queryByText('Bob')).not.toBeInTheDocument());
    expect(calls.find((c) => c.operationName === 'RemoveMember')?.variables).toEqual({ userId: 'u2' });
  });

  it('shows members read-only to a member, without invitations', async () => {
    const { calls } = mockGraphQL({ Members: () => ({ data: { members } }) });
    renderPage('MEMBER');

    expect(await screen.findByText('Bob')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /remove/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Invite someone' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'Invitations')).toBe(false);
  });

  it('lets an admin manage members but not owners', async () => {
    mockGraphQL({ Members: () => ({ data: { members } }), Invitations: () => ({ data: { invitations: [] } }) });
    renderPage('ADMIN');

    expect(await screen.findByLabelText('Role of Bob')).toBeInTheDocument();
    expect(screen.queryByLabelText('Role of Ada')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove Ada' })).not.toBeInTheDocument();
    const roleOptions = within(screen.getByLabelText('Role of Bob')).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(roleOptions).not.toContain('OWNER');
  });
});
