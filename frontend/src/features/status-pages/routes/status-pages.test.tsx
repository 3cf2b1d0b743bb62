import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { NewStatusPageRoute, StatusPageEditorRoute, StatusPagesRoute } from './status-pages';

const monitors = [
  { id: 'm1', name: 'Web server', target: 'https://acme.test', status: 'UP' },
  { id: 'm2', name: 'API', target: 'https://api.acme.test', status: 'UP' },
  { id: 'm3', name: 'Database', target: 'db:5432', status: 'DOWN' },
];
const noIncidents = () => ({ data: { statusIncidents: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
const monitorOptions = () => ({ data: { monitors: { nodes: monitors, pageInfo: { hasNextPage: false } } } });

const page = {
  id: 'p1',
  slug: '',
  title: 'Acme status',
  description: 'Our services.',
  autoPublishOutages: false,
  url: 'http://acme.localhost:8080/',
  components: [
    { id: 'c1', monitorId: 'm1', name: 'Website', group: '' },
    { id: 'c2', monitorId: 'm2', name: 'Public API', group: 'Backend' },
  ],
  domains: [] as unknown[],
  access: { mode: 'PUBLIC', emailDomains: [] as string[], hasPassword: false },
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
};

function renderEditor(role: 'OWNER' | 'VIEWER' = 'OWNER', setComponents?: (vars: Record<string, unknown>, call: number) => unknown) {
  return renderApp(<StatusPageEditorRoute />, {
    session: role,
    path: '/app/status-pages/:id',
    route: '/app/status-pages/p1',
    graphql: {
      StatusIncidents: noIncidents,
      StatusPage: () => ({ data: { statusPage: page } }),
      StatusPageMonitorOptions: monitorOptions,
      SetStatusPageComponents: setComponents ?? ((vars) => ({ data: { setStatusPageComponents: { id: 'p1', components: vars.components, updatedAt: '2026-11-03T00:00:00Z' } } })),
    },
  });
}

const rows = () => screen.getAllByTestId('component-row');
const names = () => rows().map((r) => (within(r).getByLabelText<HTMLInputElement>('Public name')).value);

describe('Status pages list', () => {
  it('lists pages with their public address (new tab) and component count', async () => {
    renderApp(<StatusPagesRoute />, {
      session: 'MEMBER',
      graphql: { StatusPages: () => ({ data: { statusPages: [{ id: 'p1', slug: '', title: 'Acme status', url: page.url, components: page.components, access: { mode: 'PUBLIC' }, updatedAt: page.updatedAt }] } }) },
    });
    const row = await screen.findByTestId('status-page-row');
    expect(within(row).getByRole('link', { name: 'Acme status' })).toHaveAttribute('href', '/app/status-pages/p1');
    const link = within(row).getByRole('link', { name: /acme\.localhost:8080\/.*opens in a new tab/ });
    expect(link).toHaveAttribute('href', page.url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(within(row).getByTestId('component-count')).toHaveTextContent('2 components');
    expect(within(row).getByText('Main page')).toBeInTheDocument();
  });

  it('invites to create the first page', async () => {
    renderApp(<StatusPagesRoute />, { session: 'MEMBER', graphql: { StatusPages: () => ({ data: { statusPages: [] } }) } });
    expect(await screen.findByText('No status pages yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create your first status page' })).toHaveAttribute('href', '/app/status-pages/new');
  });

  it('offers no creation to viewers', async () => {
    renderApp(<StatusPagesRoute />, { session: 'VIEWER', graphql: { StatusPages: () => ({ data: { statusPages: [] } }) } });
    expect(await screen.findByText('No status pages yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /create/i })).not.toBeInTheDocument();
  });
});

describe('Creating a status page', () => {
  it('previews the address live, and shows the server’s field errors under their fields', async () => {
    const { calls } = renderApp(<NewStatusPageRoute />, {
      session: 'OWNER',
      graphql: {
        StatusPages: () => ({ data: { statusPages: [{ id: 'p0', slug: '', title: 'Main', url: 'x', components: [], access: { mode: 'PUBLIC' }, updatedAt: page.updatedAt }] } }),
        CreateStatusPage: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'slug', message: 'this organization already has a page at /api-status' }] }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Create status page' });
    // A main page exists, so the path follows the title.
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'API Status' } });
    expect(within(form).getByLabelText('Path')).toHaveValue('api-status');
    expect(within(form).getByTestId('page-url-preview')).toHaveTextContent(/^http:\/\/acme\.beacon\.test(:\d+)?\/api-status$/);

    // The client's own check first.
    fireEvent.change(within(form).getByLabelText('Path'), { target: { value: 'login' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create page' }));
    expect(await within(form).findByText('“/login” is already used by Beacon; choose another path.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Path')).toHaveFocus();
    expect(calls.some((c) => c.operationName === 'CreateStatusPage')).toBe(false);

    fireEvent.change(within(form).getByLabelText('Path'), { target: { value: 'api-status' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create page' }));
    const message = await within(form).findByText('This organization already has a page at /api-status.');
    expect(within(form).getByLabelText('Path')).toHaveAccessibleDescription(expect.stringContaining('already has a page at /api-status') as string);
    expect(message).toBeVisible();
    expect(calls.find((c) => c.operationName === 'CreateStatusPage')?.variables).toEqual({ input: { title: 'API Status', slug: 'api-status', description: '', autoPublishOutages: false } });
  });
});

describe('Status page editor', () => {
  it('reorders components with the keyboard-accessible buttons, keeping focus, and saves the order', async () => {
    const { calls } = renderEditor();
    await screen.findByRole('heading', { level: 1, name: 'Acme status' });
    expect(names()).toEqual(['Website', 'Public API']);
    expect(within(rows()[0]!).getByRole('button', { name: 'Move Website up' })).toBeDisabled();

    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Move Public API up' }));
    expect(names()).toEqual(['Public API', 'Website']);
    // At the top, the other direction keeps the focus.
    await waitFor(() => expect(within(rows()[0]!).getByRole('button', { name: 'Move Public API down' })).toHaveFocus());
    expect(screen.getByTestId('components-announcer')).toHaveTextContent('Public API moved to position 1 of 2.');
    expect(screen.getByTestId('unsaved-components')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Save components' }));
    expect(await screen.findByText('Components saved')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetStatusPageComponents')?.variables).toEqual({
      id: 'p1',
      components: [
        { monitorId: 'm2', name: 'Public API', group: 'Backend' },
        { monitorId: 'm1', name: 'Website', group: '' },
      ],
    });
    expect(screen.queryByTestId('unsaved-components')).not.toBeInTheDocument();
  });

  it('adds a monitor from the searchable picker under its own name, and removes one', async () => {
    const { user, calls } = renderEditor();
    await screen.findByRole('heading', { level: 1, name: 'Acme status' });
    await user.click(screen.getByRole('button', { name: 'Add monitors' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add monitors' });
    expect(await within(dialog).findByRole('button', { name: 'Web server added' })).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Search monitors'), 'data');
    await waitFor(() => expect(calls.some((c) => c.operationName === 'StatusPageMonitorOptions' && (c.variables.filter as { text: string | null }).text === 'data')).toBe(true));
    await user.click(within(dialog).getByRole('button', { name: 'Add Database' }));
    expect(within(dialog).getByRole('button', { name: 'Database added' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(names()).toEqual(['Website', 'Public API', 'Database']);

    await user.click(within(rows()[0]!).getByRole('button', { name: 'Remove Website' }));
    expect(names()).toEqual(['Public API', 'Database']);
    await waitFor(() => expect(within(rows()[0]!).getByRole('button', { name: 'Remove Public API' })).toHaveFocus());
  });

  it('names an empty public name under its field, and the server’s errors under the row they concern', async () => {
    const { user, calls } = renderEditor('OWNER', () =>
      gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'components.1.group', message: 'must be at most 100 characters' }] }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Acme status' });
    await user.clear(within(rows()[1]!).getByLabelText('Public name'));
    await user.click(screen.getByRole('button', { name: 'Save components' }));
    expect(within(rows()[1]!).getByText('Enter the name the public sees.')).toBeInTheDocument();
    expect(within(rows()[1]!).getByLabelText('Public name')).toHaveFocus();
    expect(within(rows()[1]!).getByLabelText('Public name')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.operationName === 'SetStatusPageComponents')).toBe(false);

    await user.type(within(rows()[1]!).getByLabelText('Public name'), 'API');
    expect(within(rows()[1]!).queryByText('Enter the name the public sees.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save components' }));
    expect(await within(rows()[1]!).findByText('Must be at most 100 characters.')).toBeInTheDocument();
    expect(within(rows()[1]!).getByLabelText('Group')).toHaveAttribute('aria-invalid', 'true');
    expect(within(rows()[0]!).queryByText('Must be at most 100 characters.')).not.toBeInTheDocument();
  });

  it('deletes the page after confirmation', async () => {
    const { user, router, calls } = renderApp(<StatusPageEditorRoute />, {
      session: 'MEMBER',
      path: '/app/status-pages/:id',
      route: '/app/status-pages/p1',
      graphql: {
        StatusIncidents: noIncidents,
        StatusPage: () => ({ data: { statusPage: page } }),
        StatusPageMonitorOptions: monitorOptions,
        DeleteStatusPage: () => ({ data: { deleteStatusPage: { id: 'p1', title: 'Acme status' } } }),
        StatusPages: () => ({ data: { statusPages: [] } }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Delete page' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Acme status”?' });
    expect(calls.some((c) => c.operationName === 'DeleteStatusPage')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete page' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/status-pages'));
    expect(calls.find((c) => c.operationName === 'DeleteStatusPage')?.variables).toEqual({ id: 'p1' });
  });

  it('is read-only for viewers', async () => {
    renderEditor('VIEWER');
    await screen.findByRole('heading', { level: 1, name: 'Acme status' });
    expect(rows().map((r) => r.textContent)).toEqual(['Website · monitor Web server', 'Public API · Backend · monitor API']);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Custom domains', () => {
  const pending = {
    id: 'd1',
    hostname: 'status.acme.com',
    verified: false,
    verifiedAt: null,
    dnsRecords: [
      { type: 'CNAME', name: 'status.acme.com', value: 'acme.localhost' },
      { type: 'TXT', name: '_beacon-challenge.status.acme.com', value: 'token123' },
    ],
  };

  it('shows the DNS records to create, says why verification failed, and names a refused domain under its field', async () => {
    const { user } = renderApp(<StatusPageEditorRoute />, {
      session: 'OWNER',
      path: '/app/status-pages/:id',
      route: '/app/status-pages/p1',
      graphql: {
        StatusIncidents: noIncidents,
        StatusPage: () => ({ data: { statusPage: { ...page, domains: [pending] } } }),
        StatusPageMonitorOptions: monitorOptions,
        VerifyCustomDomain: () =>
          gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'hostname', message: 'found neither a CNAME nor a TXT record' }] }),
        AddCustomDomain: () => gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'hostname', message: 'is a public suffix' }] }),
      },
    });
    const domain = await screen.findByTestId('custom-domain');
    expect(within(domain).getByTestId('domain-state')).toHaveTextContent('Waiting for DNS');
    const table = within(domain).getByRole('table', { name: 'DNS records for status.acme.com' });
    expect(within(table).getByText('_beacon-challenge.status.acme.com')).toBeInTheDocument();
    expect(within(table).getByText('token123')).toBeInTheDocument();

    await user.click(within(domain).getByRole('button', { name: 'Verify' }));
    expect(await within(domain).findByText('Found neither a CNAME nor a TXT record.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Domain'), 'co.uk');
    await user.click(screen.getByRole('button', { name: 'Add domain' }));
    expect(await screen.findByText('Is a public suffix.')).toBeInTheDocument();
    expect(screen.getByLabelText('Domain')).toHaveAttribute('aria-invalid', 'true');
  });

  it('lets members see domains but not manage them', async () => {
    renderApp(<StatusPageEditorRoute />, {
      session: 'MEMBER',
      path: '/app/status-pages/:id',
      route: '/app/status-pages/p1',
      graphql: {
        StatusIncidents: noIncidents,
        StatusPage: () => ({ data: { statusPage: { ...page, domains: [{ ...pending, verified: true, verifiedAt: '2026-11-03T00:00:00Z' }] } } }),
        StatusPageMonitorOptions: monitorOptions,
      },
    });
    const domain = await screen.findByTestId('custom-domain');
    expect(within(domain).getByTestId('domain-state')).toHaveTextContent('Verified');
    expect(within(domain).queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add domain' })).not.toBeInTheDocument();
  });
});
