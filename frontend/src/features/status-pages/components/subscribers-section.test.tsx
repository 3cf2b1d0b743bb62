import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionRole } from '@/lib/session';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { StatusPageEditorRoute } from '../routes/status-pages';
import { csvFileName } from './subscribers-section';

const page = {
  id: 'p1',
  slug: 'api',
  title: 'API status',
  description: '',
  url: 'http://acme.localhost:8080/api',
  components: [{ monitorId: 'm1', name: 'Website', group: '' }],
  domains: [] as unknown[],
  access: { mode: 'PUBLIC', emailDomains: [] as string[], hasPassword: false },
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
};

function subscriber(id: string, email: string, confirmed: boolean, components: { id: string; name: string }[] = []) {
  return { id, email, confirmed, confirmedAt: confirmed ? '2026-11-05T10:00:00Z' : null, components, createdAt: '2026-11-05T09:00:00Z' };
}

type Responder = (vars: Record<string, unknown>, call: number) => unknown;

function renderEditor(role: SessionRole, responders: Record<string, Responder>) {
  return renderApp(<StatusPageEditorRoute />, {
    session: role,
    path: '/app/status-pages/:id',
    route: '/app/status-pages/p1',
    graphql: {
      StatusPage: () => ({ data: { statusPage: page } }),
      StatusPageMonitorOptions: () => ({ data: { monitors: { nodes: [], pageInfo: { hasNextPage: false } } } }),
      ...responders,
    },
  });
}

const onePage = (nodes: unknown[], next: string | null = null) => ({
  data: { statusPageSubscribers: { pageInfo: { hasNextPage: next !== null, endCursor: next }, nodes } },
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (URL as Partial<typeof URL>).createObjectURL;
  delete (URL as Partial<typeof URL>).revokeObjectURL;
});

describe('Subscribers in the page editor', () => {
  it('lists subscribers with their status and components, and loads more', async () => {
    const { user, calls } = renderEditor('OWNER', {
      StatusPageSubscribers: (vars) =>
        vars.after === 'cursor-1'
          ? onePage([subscriber('s3', 'old@example.com', true)])
          : onePage([subscriber('s1', 'new@example.com', false), subscriber('s2', 'ops@example.com', true, [{ id: 'c1', name: 'Website' }])], 'cursor-1'),
    });
    const table = await screen.findByRole('table', { name: 'Subscribers' });
    const rows = within(table).getAllByTestId('subscriber-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('new@example.com');
    expect(within(rows[0]!).getByTestId('subscriber-status')).toHaveTextContent('Pending');
    expect(rows[0]).toHaveTextContent('All components');
    expect(within(rows[1]!).getByTestId('subscriber-status')).toHaveTextContent('Confirmed');
    expect(within(rows[1]!).getByTestId('subscriber-components')).toHaveTextContent('Website');
    expect(calls.find((c) => c.operationName === 'StatusPageSubscribers')?.variables).toEqual({ pageId: 'p1', first: 50, after: null });

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('subscriber-row')).toHaveLength(3));
    expect(calls.at(-1)?.variables).toEqual({ pageId: 'p1', first: 50, after: 'cursor-1' });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('removes a subscriber after asking, and asks for the list again', async () => {
    let removed = false;
    const { user, calls } = renderEditor('MEMBER', {
      StatusPageSubscribers: () => onePage(removed ? [] : [subscriber('s1', 'reader@example.com', true)]),
      RemoveStatusPageSubscriber: () => {
        removed = true;
        return { data: { removeStatusPageSubscriber: 's1' } };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Remove reader@example.com' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove reader@example.com?' });
    expect(dialog).toHaveTextContent('They get no more updates from “API status”.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove subscriber' }));

    expect(await screen.findByText('No subscribers yet.')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'RemoveStatusPageSubscriber')?.variables).toEqual({ id: 's1' });
    expect(screen.getByText('Subscriber removed')).toBeInTheDocument();
    // Members remove, but only admins and owners export.
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
    expect(screen.getByText('Admins and owners can export the subscribers as a CSV file.')).toBeInTheDocument();
  });

  it('explains how visitors subscribe when there is nobody yet; viewers cannot remove', async () => {
    renderEditor('VIEWER', { StatusPageSubscribers: () => onePage([]) });
    const empty = await screen.findByText('No subscribers yet.');
    const state = empty.closest('.empty-state') as HTMLElement;
    expect(state).toHaveTextContent('Visitors subscribe with “Subscribe to updates” on the public page');
    expect(within(state).getByRole('link', { name: /acme\.localhost:8080\/api/ })).toHaveAttribute('href', page.url);
  });

  it('downloads the CSV as subscribers-<page>.csv', async () => {
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:subscribers');
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const csv = 'email,status\nreader@example.com,confirmed\n';
    const { user, calls } = renderEditor('ADMIN', {
      StatusPageSubscribers: () => onePage([subscriber('s1', 'reader@example.com', true)]),
      StatusPageSubscribersCsv: () => ({ data: { statusPageSubscribersCsv: csv } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('subscribers-api.csv');
    expect(clicked[0]?.href).toBe('blob:subscribers');
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob);
    });
    expect(text).toBe(csv);
    expect(calls.find((c) => c.operationName === 'StatusPageSubscribersCsv')?.variables).toEqual({ pageId: 'p1' });
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:subscribers'));
  });

  it('says plainly when the export is not allowed', async () => {
    const { user } = renderEditor('OWNER', {
      StatusPageSubscribers: () => onePage([subscriber('s1', 'reader@example.com', true)]),
      StatusPageSubscribersCsv: () => gqlError('forbidden', { code: 'FORBIDDEN' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only admins and owners can export subscribers.');
  });

  it('names the main page’s file by its title', () => {
    expect(csvFileName({ slug: '', title: 'Acme Status' })).toBe('subscribers-acme-status.csv');
    expect(csvFileName({ slug: 'api', title: 'API' })).toBe('subscribers-api.csv');
  });
});
