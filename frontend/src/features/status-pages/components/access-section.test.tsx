import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { StatusPageEditorRoute, StatusPagesRoute } from '../routes/status-pages';

type Access = { mode: 'PUBLIC' | 'PASSWORD' | 'EMAIL_DOMAIN'; emailDomains: string[]; hasPassword: boolean };

const PUBLIC: Access = { mode: 'PUBLIC', emailDomains: [], hasPassword: false };

function pageWith(access: Access) {
  return {
    id: 'p1',
    slug: '',
    title: 'Acme status',
    description: '',
    autoPublishOutages: false,
    url: 'http://acme.localhost:8080/',
    logoUrl: null,
    faviconUrl: null,
    components: [],
    domains: [],
    access,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-02T00:00:00Z',
  };
}

type Responder = (vars: Record<string, unknown>, call: number) => unknown;

function renderEditor(role: 'OWNER' | 'MEMBER' | 'VIEWER', access: Access, setAccess?: Responder) {
  return renderApp(<StatusPageEditorRoute />, {
    session: role,
    path: '/app/status-pages/:id',
    route: '/app/status-pages/p1',
    graphql: {
      StatusIncidents: () => ({ data: { statusIncidents: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
      StatusPage: () => ({ data: { statusPage: pageWith(access) } }),
      StatusPageMonitorOptions: () => ({ data: { monitors: { nodes: [], pageInfo: { hasNextPage: false } } } }),
      StatusPageSubscribers: () => ({ data: { statusPageSubscribers: { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } } } }),
      SetStatusPageAccess:
        setAccess ??
        ((vars) => {
          const input = vars.input as { mode: Access['mode']; password?: string; emailDomains: string[] };
          return {
            data: {
              setStatusPageAccess: {
                id: 'p1',
                title: 'Acme status',
                access: { mode: input.mode, emailDomains: input.emailDomains, hasPassword: access.hasPassword || Boolean(input.password) },
                updatedAt: '2026-11-03T00:00:00Z',
              },
            },
          };
        }),
    },
  });
}

async function accessSection() {
  return screen.findByRole('region', { name: 'Access' });
}

describe('Status page access', () => {
  it('protects a page with a password, checking it first', async () => {
    const { user, calls } = renderEditor('MEMBER', PUBLIC);
    const section = await accessSection();
    expect(within(section).getByRole('radio', { name: /Public/ })).toBeChecked();
    expect(within(section).getByText('Changing access signs out visitors who were let in before.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Save access' })).toBeDisabled();

    await user.click(within(section).getByRole('radio', { name: /Password/ }));
    expect(within(section).getByTestId('unsaved-access')).toHaveTextContent('Unsaved changes');
    const password = within(section).getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).not.toHaveAttribute('placeholder');

    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(within(section).getByText('Choose a password for the page.')).toBeInTheDocument();
    expect(password).toHaveFocus();
    await user.type(password, 'short');
    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(within(section).getByText('Use at least 8 characters.')).toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'SetStatusPageAccess')).toBe(false);

    await user.type(password, '-but-now-long');
    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(await screen.findByText('Access saved')).toBeInTheDocument();
    expect(screen.getByText('Acme status: Only visitors with the password can see it.')).toBeInTheDocument();
    const call = calls.find((c) => c.operationName === 'SetStatusPageAccess');
    expect(call?.variables).toEqual({ pageId: 'p1', input: { mode: 'PASSWORD', password: 'short-but-now-long', emailDomains: [] } });
    expect(call?.headers.Authorization).toBe('Bearer access-token');
    // Saved: the field is empty again and now keeps the password when left so.
    const again = within(section).getByLabelText('New password');
    expect(again).toHaveValue('');
    expect(again).toHaveAttribute('placeholder', 'Leave empty to keep the current password');
    expect(within(section).queryByTestId('unsaved-access')).not.toBeInTheDocument();
  });

  it('keeps the current password when the field is left empty', async () => {
    const { user, calls } = renderEditor('OWNER', { mode: 'PUBLIC', emailDomains: ['example.com'], hasPassword: true });
    const section = await accessSection();
    await user.click(within(section).getByRole('radio', { name: /Password/ }));
    expect(within(section).getByLabelText('New password')).toHaveAttribute('placeholder', 'Leave empty to keep the current password');
    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(await screen.findByText('Access saved')).toBeInTheDocument();
    // No `password` (omitted keeps it); the saved domains stay for switching back.
    expect(calls.find((c) => c.operationName === 'SetStatusPageAccess')?.variables).toEqual({
      pageId: 'p1',
      input: { mode: 'PASSWORD', emailDomains: ['example.com'] },
    });
  });

  it('puts the server’s errors under the domains they are about', async () => {
    const { user, calls } = renderEditor('OWNER', PUBLIC, () =>
      gqlError('invalid input', {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'emailDomains[1]', message: '"co.uk" is a public suffix, not an organization\'s domain' }],
      }),
    );
    const section = await accessSection();
    await user.click(within(section).getByRole('radio', { name: /Email domain/ }));

    // Saving without any domain: the form's own check.
    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(within(section).getByText('Add at least one domain, such as example.com.')).toBeInTheDocument();
    expect(within(section).getByLabelText('Domain 1')).toHaveFocus();

    await user.type(within(section).getByLabelText('Domain 1'), '@Example.com');
    await user.click(within(section).getByRole('button', { name: 'Add a domain' }));
    expect(within(section).getByLabelText('Domain 2')).toHaveFocus();
    // An empty row in between is not sent, so the server's index 1 is the third row.
    await user.click(within(section).getByRole('button', { name: 'Add a domain' }));
    await user.type(within(section).getByLabelText('Domain 3'), 'co.uk{Enter}');
    // Enter on the last filled row starts another.
    expect(within(section).getByLabelText('Domain 4')).toHaveFocus();
    await user.type(within(section).getByLabelText('Domain 4'), 'not a domain');
    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(within(section).getByText('“not a domain” is not a domain such as example.com.')).toBeInTheDocument();
    expect(within(section).getByLabelText('Domain 4')).toHaveFocus();
    expect(calls.some((c) => c.operationName === 'SetStatusPageAccess')).toBe(false);

    await user.click(within(section).getByRole('button', { name: 'Remove not a domain' }));
    expect(within(section).queryByLabelText('Domain 4')).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Save access' }));

    const suffix = within(section).getByLabelText('Domain 3');
    await waitFor(() => expect(suffix).toHaveAttribute('aria-invalid', 'true'));
    expect(suffix).toHaveAccessibleDescription('"co.uk" is a public suffix, not an organization\'s domain.');
    expect(suffix).toHaveFocus();
    expect(within(section).getByLabelText('Domain 1')).not.toHaveAttribute('aria-invalid');
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetStatusPageAccess')?.variables).toEqual({
      pageId: 'p1',
      input: { mode: 'EMAIL_DOMAIN', emailDomains: ['example.com', 'co.uk'] },
    });

    // Fixing that domain clears its message.
    await user.clear(suffix);
    await user.type(suffix, 'corp.example.co.uk');
    expect(suffix).not.toHaveAttribute('aria-invalid');
  });

  it('shows a list-wide error from the server, and splits pasted domains into rows', async () => {
    const { user } = renderEditor('OWNER', PUBLIC, () =>
      gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'emailDomains', message: 'at most 20 domains' }] }),
    );
    const section = await accessSection();
    await user.click(within(section).getByRole('radio', { name: /Email domain/ }));
    await user.click(within(section).getByLabelText('Domain 1'));
    await user.paste('a.example, b.example\nc.example');
    expect(within(section).getAllByTestId('access-domain').map((row) => within(row).getByRole<HTMLInputElement>('textbox').value)).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
    await user.click(within(section).getByRole('button', { name: 'Save access' }));
    expect(await within(section).findByText('At most 20 domains.')).toBeInTheDocument();
    expect(within(section).getByRole('group', { name: 'Email domains' })).toHaveAccessibleDescription(expect.stringContaining('At most 20 domains.') as string);
  });

  it('shows viewers who may see the page, without controls', async () => {
    renderEditor('VIEWER', { mode: 'EMAIL_DOMAIN', emailDomains: ['example.com', 'corp.example'], hasPassword: false });
    const section = await accessSection();
    const facts = within(section).getByTestId('access-read-only');
    expect(facts).toHaveTextContent('Email domain — Visitors get a link by email at an address in your domains.');
    expect(within(within(facts).getByRole('list', { name: 'Email domains' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'example.com',
      'corp.example',
    ]);
    expect(within(section).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Status pages list', () => {
  it('marks restricted pages as private', async () => {
    const summary = (id: string, title: string, mode: Access['mode']) => ({
      id,
      slug: id,
      title,
      url: `http://acme.localhost:8080/${id}`,
      components: [],
      access: { mode },
      updatedAt: '2026-11-02T00:00:00Z',
    });
    renderApp(<StatusPagesRoute />, {
      session: 'MEMBER',
      graphql: {
        StatusPages: () => ({
          data: { statusPages: [summary('public', 'Public page', 'PUBLIC'), summary('team', 'Team page', 'PASSWORD'), summary('corp', 'Corp page', 'EMAIL_DOMAIN')] },
        }),
      },
    });
    const rows = await screen.findAllByTestId('status-page-row');
    expect(rows.map((row) => within(row).queryByTestId('private-badge')?.textContent ?? null)).toEqual([null, 'Private', 'Private']);
  });
});
