import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { NewStatusIncidentRoute, StatusIncidentRoute, StatusIncidentsRoute } from './status-incidents';
import { StatusPageEditorRoute } from './status-pages';

const page = {
  id: 'p1',
  slug: '',
  title: 'Acme status',
  description: '',
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

const incident = {
  id: 'i1',
  pageId: 'p1',
  title: 'API errors',
  status: 'INVESTIGATING',
  impact: 'MAJOR',
  components: [{ componentId: 'c2', name: 'Public API', impact: 'MAJOR' }],
  updates: [{ id: 'u1', status: 'INVESTIGATING', message: 'We are looking into errors.', createdAt: '2026-11-29T10:00:00Z', editedAt: null }],
  outageId: null,
  startedAt: '2026-11-29T10:00:00Z',
  resolvedAt: null,
  createdAt: '2026-11-29T10:00:00Z',
  updatedAt: '2026-11-29T10:00:00Z',
};

const connection = (nodes: unknown[]) => ({ data: { statusIncidents: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } });
const preview = () => screen.getByRole('region', { name: /^Preview/ });

describe('The incidents of a page', () => {
  it('lists open incidents first, then resolved ones', async () => {
    renderApp(<StatusIncidentsRoute />, {
      session: 'MEMBER',
      path: '/app/status-pages/:id/incidents',
      route: '/app/status-pages/p1/incidents',
      graphql: {
        StatusPage: () => ({ data: { statusPage: page } }),
        StatusIncidents: (vars) =>
          vars.active
            ? connection([incident])
            : connection([{ ...incident, id: 'i0', title: 'Old outage', status: 'RESOLVED', resolvedAt: '2026-11-29T10:45:00Z' }]),
      },
    });
    const card = await screen.findByTestId('open-status-incident');
    expect(within(card).getByRole('link', { name: 'API errors' })).toHaveAttribute('href', '/app/status-pages/p1/incidents/i1');
    expect(card).toHaveTextContent('Investigating');
    expect(card).toHaveTextContent('Major outage');
    const row = await screen.findByTestId('resolved-status-incident');
    expect(row).toHaveTextContent('Old outage');
    expect(row).toHaveTextContent('45 min');
    expect(screen.getByRole('link', { name: 'New incident' })).toHaveAttribute('href', '/app/status-pages/p1/incidents/new');
  });
});

describe('The incident composer', () => {
  function renderComposer(create: (vars: Record<string, unknown>, call: number) => unknown) {
    return renderApp(<NewStatusIncidentRoute />, {
      session: 'MEMBER',
      path: '/app/status-pages/:id/incidents/new',
      route: '/app/status-pages/p1/incidents/new',
      graphql: { StatusPage: () => ({ data: { statusPage: page } }), CreateStatusIncident: create },
    });
  }

  it('previews the incident live with the public page’s own card, then publishes it', async () => {
    const { user, calls, router } = renderComposer(() => ({ data: { createStatusIncident: incident } }));
    const form = await screen.findByRole('form', { name: 'New incident' });
    expect(within(preview()).getByRole('article')).toHaveTextContent('Your incident’s title');

    await user.type(within(form).getByLabelText('Title'), 'API errors');
    await user.selectOptions(within(form).getByLabelText('Status'), 'IDENTIFIED');
    await user.type(within(form).getByLabelText('Message'), 'A bad deploy.{Enter}Rolling back.');
    await user.selectOptions(within(form).getByLabelText('Public API (Backend)'), 'PARTIAL');
    await user.selectOptions(within(form).getByLabelText('Website'), 'DEGRADED');

    const card = within(preview()).getByRole('article', { name: 'API errors' });
    expect(within(card).getByTestId('incident-status')).toHaveTextContent('Identified');
    expect(within(card).getByTestId('incident-impact')).toHaveTextContent('Partial outage');
    // In page order, as the public page lists them.
    expect(within(card).getAllByTestId('affected-component').map((c) => c.textContent)).toEqual(['WebsiteDegraded performance', 'Public APIPartial outage']);
    expect(within(card).getByTestId('incident-update')).toHaveTextContent('A bad deploy. Rolling back.');

    await user.click(within(form).getByRole('button', { name: 'Publish incident' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/status-pages/p1/incidents/i1'));
    expect(calls.find((c) => c.operationName === 'CreateStatusIncident')?.variables).toEqual({
      pageId: 'p1',
      input: {
        title: 'API errors',
        status: 'IDENTIFIED',
        message: 'A bad deploy.\nRolling back.',
        components: [
          { componentId: 'c1', impact: 'DEGRADED' },
          { componentId: 'c2', impact: 'PARTIAL' },
        ],
      },
    });
  });

  it('names missing fields, and puts the server’s component error under that component', async () => {
    const { user, calls } = renderComposer(() =>
      gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'components.0.componentId', message: 'is not a component of this page' }] }),
    );
    const form = await screen.findByRole('form', { name: 'New incident' });
    await user.click(within(form).getByRole('button', { name: 'Publish incident' }));
    expect(within(form).getByText('Enter a title for the incident.')).toBeInTheDocument();
    expect(within(form).getByText('Enter a message for visitors.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Title')).toHaveFocus();
    expect(calls.some((c) => c.operationName === 'CreateStatusIncident')).toBe(false);

    await user.type(within(form).getByLabelText('Title'), 'Slow API');
    await user.type(within(form).getByLabelText('Message'), 'Looking into it.');
    await user.selectOptions(within(form).getByLabelText('Public API (Backend)'), 'MAJOR');
    await user.click(within(form).getByRole('button', { name: 'Publish incident' }));
    const select = within(form).getByLabelText('Public API (Backend)');
    await waitFor(() => expect(select).toHaveAttribute('aria-invalid', 'true'));
    expect(select).toHaveAccessibleDescription('Is not a component of this page.');
    expect(select).toHaveFocus();
  });
});

describe('An incident', () => {
  function renderIncident(role: 'MEMBER' | 'VIEWER' = 'MEMBER', extra: Record<string, (vars: Record<string, unknown>, call: number) => unknown> = {}) {
    return renderApp(<StatusIncidentRoute />, {
      session: role,
      path: '/app/status-pages/:id/incidents/:incidentId',
      route: '/app/status-pages/p1/incidents/i1',
      graphql: {
        StatusPage: () => ({ data: { statusPage: page } }),
        StatusIncident: () => ({ data: { statusIncident: incident } }),
        StatusIncidents: () => connection([]),
        ...extra,
      },
    });
  }

  it('posts an update (the next status by default), previewed on the public card', async () => {
    const posted = {
      ...incident,
      status: 'IDENTIFIED',
      updates: [...incident.updates, { id: 'u2', status: 'IDENTIFIED', message: 'Found it: a bad deploy.', createdAt: '2026-11-29T10:20:00Z', editedAt: null }],
      updatedAt: '2026-11-29T10:20:00Z',
    };
    const { user, calls } = renderIncident('MEMBER', { PostStatusIncidentUpdate: () => ({ data: { postStatusIncidentUpdate: posted } }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'API errors' })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Post an update' });
    expect(within(form).getByLabelText('Status')).toHaveValue('IDENTIFIED');
    await user.type(within(form).getByLabelText('Message'), 'Found it: a bad deploy.');
    const updates = within(preview()).getAllByTestId('incident-update');
    expect(updates.map((u) => u.getAttribute('data-status'))).toEqual(['IDENTIFIED', 'INVESTIGATING']);
    expect(updates[0]).toHaveTextContent('Found it: a bad deploy.');

    await user.click(within(form).getByRole('button', { name: 'Post update' }));
    expect(await screen.findByText('Update posted')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'PostStatusIncidentUpdate')?.variables).toEqual({
      id: 'i1',
      input: { status: 'IDENTIFIED', message: 'Found it: a bad deploy.' },
    });
    await waitFor(() => expect(screen.getAllByTestId('managed-update')).toHaveLength(2));
    expect(screen.getAllByTestId('managed-update')[0]).toHaveTextContent('Found it: a bad deploy.');
    // The form is ready for the next step.
    expect(screen.getByRole('form', { name: 'Post an update' })).toHaveFormValues({ status: 'MONITORING', message: '' });
  });

  it('corrects an update’s message, changes the components, and deletes after confirmation', async () => {
    const corrected = { ...incident, updates: [{ ...incident.updates[0]!, message: 'We are looking into API errors.', editedAt: '2026-11-29T10:05:00Z' }] };
    const { user, calls, router } = renderIncident('MEMBER', {
      EditStatusIncidentUpdate: () => ({ data: { editStatusIncidentUpdate: corrected } }),
      EditStatusIncident: (vars) => ({ data: { editStatusIncident: { ...corrected, title: (vars.input as { title: string }).title, updatedAt: '2026-11-29T10:06:00Z' } } }),
      DeleteStatusIncident: () => ({ data: { deleteStatusIncident: 'i1' } }),
    });
    await user.click(await screen.findByRole('button', { name: /^Correct message of the investigating update/ }));
    const correction = screen.getByRole('form', { name: 'Correct this update' });
    const text = within(correction).getByLabelText('Message');
    expect(text).toHaveFocus();
    await user.clear(text);
    await user.type(text, 'We are looking into API errors.');
    await user.click(within(correction).getByRole('button', { name: 'Save correction' }));
    await waitFor(() => expect(screen.getByTestId('managed-update')).toHaveTextContent('We are looking into API errors.'));
    expect(screen.getByTestId('managed-update')).toHaveTextContent('edited');
    expect(calls.find((c) => c.operationName === 'EditStatusIncidentUpdate')?.variables).toEqual({ id: 'u1', message: 'We are looking into API errors.' });

    const edit = screen.getByRole('form', { name: 'Title and affected components' });
    expect(within(edit).getByLabelText('Public API (Backend)')).toHaveValue('MAJOR');
    await user.selectOptions(within(edit).getByLabelText('Public API (Backend)'), '');
    await user.selectOptions(within(edit).getByLabelText('Website'), 'DEGRADED');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Incident saved');
    expect(calls.find((c) => c.operationName === 'EditStatusIncident')?.variables).toEqual({
      id: 'i1',
      input: { title: 'API errors', components: [{ componentId: 'c1', impact: 'DEGRADED' }] },
    });

    await user.click(screen.getByRole('button', { name: 'Delete incident' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “API errors”?' });
    expect(calls.some((c) => c.operationName === 'DeleteStatusIncident')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete incident' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/app/status-pages/p1/incidents'));
  });

  it('is read-only for viewers, shown as visitors see it', async () => {
    renderIncident('VIEWER');
    expect(await screen.findByRole('heading', { level: 1, name: 'API errors' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'As visitors see it' })).toHaveTextContent('We are looking into errors.');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Page settings', () => {
  it('publishes detected outages automatically when asked, and links to the incidents', async () => {
    const { user, calls } = renderApp(<StatusPageEditorRoute />, {
      session: 'OWNER',
      path: '/app/status-pages/:id',
      route: '/app/status-pages/p1',
      graphql: {
        StatusPage: () => ({ data: { statusPage: page } }),
        StatusIncidents: () => connection([incident]),
        StatusPageMonitorOptions: () => ({ data: { monitors: { nodes: [], pageInfo: { hasNextPage: false } } } }),
        UpdateStatusPage: (vars) => ({ data: { updateStatusPage: { ...page, ...(vars.input as object) } } }),
      },
    });
    await waitFor(() => expect(screen.getByTestId('open-incident-count')).toHaveTextContent('1 open incident.'));
    expect(screen.getByRole('link', { name: 'Manage incidents' })).toHaveAttribute('href', '/app/status-pages/p1/incidents');
    const form = screen.getByRole('form', { name: 'Page details' });
    const toggle = within(form).getByRole('checkbox', { name: 'Publish detected outages automatically' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await user.click(within(form).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'UpdateStatusPage')?.variables).toEqual({
      id: 'p1',
      input: { title: 'Acme status', slug: '', description: '', autoPublishOutages: true },
    }));
  });
});
