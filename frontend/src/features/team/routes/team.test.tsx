import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SessionRole } from '@/lib/session';
import { gqlError, mockGraphQL } from '@/test/graphql-mock';
import { renderApp, testSession } from '@/test/render';
import { TeamRoute } from './team';

const members = [
  { user: { id: 'u1', email: 'ada@example.com', name: 'Ada' }, role: 'OWNER', joinedAt: '2026-01-02T03:04:05Z' },
  { user: { id: 'u2', email: 'bob@example.com', name: 'Bob' }, role: 'MEMBER', joinedAt: '2026-01-03T03:04:05Z' },
  { user: { id: 'u3', email: 'cy@example.com', name: 'Cy' }, role: 'OWNER', joinedAt: '2026-01-04T03:04:05Z' },
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
    const { user } = renderPage();

    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Invite someone' });
    await user.type(within(form).getByLabelText('Email'), ' bob@example.com ');
    await user.selectOptions(within(form).getByLabelText('Role'), 'ADMIN');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(await within(form).findByText('Is already a member.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'InviteMember')?.variables).toEqual({ input: { email: 'bob@example.com', role: 'ADMIN' } });
  });

  it('invites someone, acknowledges it with a toast and lists the pending invitation', async () => {
    mockGraphQL({
      Members: () => ({ data: { members } }),
      Invitations: (_vars, call) => ({ data: { invitations: call === 0 ? [] : [invitation] } }),
      InviteMember: () => ({ data: { inviteMember: { id: 'i1', email: 'carol@example.com', role: 'VIEWER' } } }),
    });
    const { user } = renderPage();

    const form = await screen.findByRole('form', { name: 'Invite someone' });
    await user.type(within(form).getByLabelText('Email'), 'carol@example.com');
    await user.selectOptions(within(form).getByLabelText('Role'), 'VIEWER');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent to carol@example.com as viewer.')).toBeInTheDocument();
    expect(await screen.findByText('Invitation sent')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(table).getByText('carol@example.com')).toBeInTheDocument();
    // The form is ready for the next person.
    expect(within(form).getByLabelText('Email')).toHaveValue('');
  });

  it('explains what each role can do next to the role picker', async () => {
    mockGraphQL({ Members: () => ({ data: { members } }), Invitations: () => ({ data: { invitations: [] } }) });
    const { user } = renderPage();

    const form = await screen.findByRole('form', { name: 'Invite someone' });
    await user.click(within(form).getByText('What can each role do?'));
    expect(within(form).getByText(/manages API keys and reads the audit log/)).toBeVisible();
  });

  it('locks your own row, with the reason', async () => {
    mockGraphQL({ Members: () => ({ data: { members } }), Invitations: () => ({ data: { invitations: [] } }) });
    renderPage();

    const own = await screen.findByLabelText('Role of Ada');
    expect(own).toBeDisabled();
    expect(own).toHaveAccessibleDescription(/This is you/);
    expect(screen.getByRole('button', { name: 'Remove Ada' })).toBeDisabled();
    expect(screen.getByLabelText('Role of Cy')).toBeEnabled();
  });

  it('locks the only owner’s row, with the reason', async () => {
    mockGraphQL({ Members: () => ({ data: { members: members.slice(0, 2) } }), Invitations: () => ({ data: { invitations: [] } }) });
    // Signed in as an owner who is not in the list, so only the last-owner rule applies to Ada.
    renderApp(<TeamRoute />, { session: testSession({ role: 'OWNER', user: { id: 'u9' } }) });

    const ada = await screen.findByLabelText('Role of Ada');
    expect(ada).toBeDisabled();
    expect(ada).toHaveAccessibleDescription('The only owner: make someone else owner first.');
    expect(screen.getByRole('button', { name: 'Remove Ada' })).toBeDisabled();
    expect(screen.getByLabelText('Role of Bob')).toBeEnabled();
  });

  it('asks before changing a role, then acknowledges it', async () => {
    const { calls } = mockGraphQL({
      Members: (_vars, call) => ({ data: { members: call === 0 ? members : [members[0], { ...members[1], role: 'ADMIN' }, members[2]] } }),
      Invitations: () => ({ data: { invitations: [] } }),
      ChangeMemberRole: () => ({ data: { changeMemberRole: { role: 'ADMIN' } } }),
    });
    const { user } = renderPage();

    await user.selectOptions(await screen.findByLabelText('Role of Bob'), 'ADMIN');
    const dialog = await screen.findByRole('alertdialog', { name: 'Make Bob an admin?' });
    expect(dialog).toHaveTextContent(/Invites people, changes roles/);
    expect(calls.some((c) => c.operationName === 'ChangeMemberRole')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(await screen.findByText('Role changed')).toBeInTheDocument();
    expect(screen.getByText('Bob is now an admin.')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'ChangeMemberRole')?.variables).toEqual({ userId: 'u2', role: 'ADMIN' });
  });

  it('cancels a role change with Escape, keeping the role', async () => {
    const { calls } = mockGraphQL({ Members: () => ({ data: { members } }), Invitations: () => ({ data: { invitations: [] } }) });
    const { user } = renderPage();

    await user.selectOptions(await screen.findByLabelText('Role of Bob'), 'VIEWER');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');

    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Role of Bob')).toHaveValue('MEMBER');
    expect(calls.some((c) => c.operationName === 'ChangeMemberRole')).toBe(false);
  });

  it('explains a CONFLICT when demoting the last owner', async () => {
    mockGraphQL({
      Members: () => ({ data: { members } }),
      Invitations: () => ({ data: { invitations: [] } }),
      ChangeMemberRole: () => gqlError('the last owner', { code: 'CONFLICT' }),
    });
    const { user } = renderPage();

    await user.selectOptions(await screen.findByLabelText('Role of Cy'), 'ADMIN');
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Change role' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/last owner/i);
  });

  it('removes a member after confirmation', async () => {
    const { calls } = mockGraphQL({
      Members: (_vars, call) => ({ data: { members: call === 0 ? members : [members[0], members[2]] } }),
      Invitations: () => ({ data: { invitations: [] } }),
      RemoveMember: () => ({ data: { removeMember: true } }),
    });
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'Remove Bob' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Bob from Acme?' });
    expect(calls.some((c) => c.operationName === 'RemoveMember')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Remove Bob' }));

    const table = screen.getByRole('table', { name: 'Members' });
    await vi.waitFor(() => expect(within(table).queryByText('Bob')).not.toBeInTheDocument());
    expect(await screen.findByText('Bob was removed')).toBeInTheDocument();
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
    expect(screen.queryByLabelText('Role of Cy')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove Cy' })).not.toBeInTheDocument();
    const roleOptions = within(screen.getByLabelText('Role of Bob')).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(roleOptions).not.toContain('OWNER');
  });
});
