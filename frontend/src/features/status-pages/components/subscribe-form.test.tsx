import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp, testHost } from '@/test/render';
import { PublicStatusPage } from '../routes/public-status-page';

const days = Array.from({ length: 90 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10),
  uptimePercent: 100,
  downtimeSeconds: 0,
  outages: 0,
}));

function component(id: string, name: string, group = '') {
  return { id, name, group, status: 'OPERATIONAL', uptimePercent: 100, days, responseMs: [] };
}

const page = {
  organization: 'Acme',
  title: 'Acme status',
  description: '',
  status: 'OPERATIONAL',
  components: [component('c1', 'Website'), component('c2', 'API', 'Backend'), component('c3', 'Checkout', 'Backend')],
  activeOutages: [],
  recentOutages: [],
  maintenance: [],
  activeIncidents: [],
  incidentHistory: { incidents: [], hasNextPage: false, endCursor: null },
  generatedAt: '2026-11-29T12:00:00Z',
};

const MESSAGE = 'Check your inbox: open the link we sent to confirm your subscription.';

function renderPage(subscribe: (vars: Record<string, unknown>, call: number) => unknown, slug = '') {
  return renderApp(<PublicStatusPage slug={slug} fallback={<p>No page here</p>} />, {
    session: null,
    host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }),
    graphql: {
      PublicStatusPage: () => ({ data: { publicStatusPage: page } }),
      SubscribeToStatusPage: subscribe,
    },
  });
}

async function openDialog(user: ReturnType<typeof renderPage>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Subscribe to updates' }));
  return screen.findByRole('dialog', { name: 'Subscribe to updates' });
}

describe('Subscribing on the public page', () => {
  it('subscribes an address to every component and shows the server’s answer', async () => {
    const { user, calls } = renderPage(() => ({ data: { subscribeToStatusPage: { message: MESSAGE } } }), 'api');
    const dialog = await openDialog(user);
    expect(dialog).toHaveAccessibleDescription('Get an email when Acme posts an incident or maintenance on “Acme status”.');
    const email = within(dialog).getByLabelText('Email');
    expect(email).toHaveFocus();
    await user.type(email, '  reader@example.com ');
    expect(within(dialog).getByRole('radio', { name: /Everything/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));

    expect(await within(dialog).findByTestId('subscribe-outcome')).toHaveTextContent(MESSAGE);
    expect(within(dialog).getByRole('status')).toHaveTextContent('We sent it to reader@example.com.');
    const call = calls.find((c) => c.operationName === 'SubscribeToStatusPage');
    expect(call?.variables).toEqual({ slug: 'api', email: 'reader@example.com', componentIds: [] });
    expect(call?.headers.Authorization).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Subscribe to updates' })).toHaveFocus();
    // Opened again: a new, empty form.
    const again = await openDialog(user);
    expect(within(again).getByLabelText('Email')).toHaveValue('');
  });

  it('sends only the chosen components, in page order, and asks for one when none is chosen', async () => {
    const { user, calls } = renderPage(() => ({ data: { subscribeToStatusPage: { message: MESSAGE } } }));
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Email'), 'ops@example.com');
    await user.click(within(dialog).getByRole('radio', { name: /Only some components/ }));
    const list = within(dialog).getByRole('group', { name: 'Components' });
    expect(within(list).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent)).toEqual(['Website', 'API · Backend', 'Checkout · Backend']);

    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(within(dialog).getByText('Choose at least one component, or get updates for all of them.')).toBeInTheDocument();
    expect(within(list).getByRole('checkbox', { name: 'Website' })).toHaveFocus();
    expect(calls.some((c) => c.operationName === 'SubscribeToStatusPage')).toBe(false);

    await user.click(within(list).getByRole('checkbox', { name: 'Checkout · Backend' }));
    await user.click(within(list).getByRole('checkbox', { name: 'Website' }));
    expect(within(dialog).queryByText(/Choose at least one component/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(await within(dialog).findByTestId('subscribe-outcome')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SubscribeToStatusPage')?.variables).toEqual({
      slug: '',
      email: 'ops@example.com',
      componentIds: ['c1', 'c3'],
    });
  });

  it('checks the address first, then shows the server’s field error under the field', async () => {
    const { user, calls } = renderPage(() =>
      gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'is not a deliverable address' }] }),
    );
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(calls.some((c) => c.operationName === 'SubscribeToStatusPage')).toBe(false);

    await user.type(within(dialog).getByLabelText('Email'), 'someone@nowhere.test');
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    const email = within(dialog).getByLabelText('Email');
    await within(dialog).findByText('Is not a deliverable address.');
    expect(email).toHaveAccessibleDescription('Is not a deliverable address.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when to try again after too many attempts', async () => {
    const { user } = renderPage(() => gqlError('too many requests', { code: 'RATE_LIMITED', retryAfter: 42 }));
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Email'), 'reader@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Too many subscription attempts. Please try again in 42 seconds.');
  });

  it('offers no component choice on a page without components', async () => {
    const { user } = renderApp(<PublicStatusPage slug="" fallback={null} />, {
      session: null,
      host: testHost({ tenant: { slug: 'acme', name: 'Acme' } }),
      graphql: { PublicStatusPage: () => ({ data: { publicStatusPage: { ...page, components: [] } } }) },
    });
    const dialog = await openDialog(user);
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
  });
});
