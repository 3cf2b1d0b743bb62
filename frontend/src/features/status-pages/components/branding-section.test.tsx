import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gqlError } from '@/test/graphql-mock';
import { renderApp } from '@/test/render';
import { StatusPageEditorRoute } from '../routes/status-pages';

const page = {
  id: 'p1',
  slug: '',
  title: 'Acme status',
  description: '',
  autoPublishOutages: false,
  url: 'http://acme.localhost:8080/',
  logoUrl: '/uploads/aaa.png' as string | null,
  faviconUrl: null as string | null,
  components: [],
  domains: [],
  access: { mode: 'PUBLIC', emailDomains: [] as string[], hasPassword: false },
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
};

type Responder = (vars: Record<string, unknown>, call: number) => unknown;

function renderEditor(role: 'OWNER' | 'VIEWER', extra: Record<string, Responder> = {}, pages: (typeof page)[] = [page]) {
  return renderApp(<StatusPageEditorRoute />, {
    session: role,
    path: '/app/status-pages/:id',
    route: '/app/status-pages/p1',
    graphql: {
      StatusIncidents: () => ({ data: { statusIncidents: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
      StatusPage: (_vars, call) => ({ data: { statusPage: pages[Math.min(call, pages.length - 1)] } }),
      StatusPageMonitorOptions: () => ({ data: { monitors: { nodes: [], pageInfo: { hasNextPage: false } } } }),
      StatusPageSubscribers: () => ({ data: { statusPageSubscribers: { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } } } }),
      ...extra,
    },
  });
}

const png = (name = 'favicon.png', bytes = 100) => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

describe('Status page branding', () => {
  it('uploads a favicon as a GraphQL multipart request and shows the new one', async () => {
    const { user, calls } = renderEditor(
      'OWNER',
      { SetStatusPageImage: () => ({ data: { setStatusPageImage: { id: 'p1', logoUrl: page.logoUrl, faviconUrl: '/uploads/bbb.png', updatedAt: page.updatedAt } } }) },
      [page, { ...page, faviconUrl: '/uploads/bbb.png' }],
    );
    const favicon = await screen.findByTestId('branding-favicon');
    expect(within(favicon).getByText('No favicon yet.')).toBeInTheDocument();
    expect(within(screen.getByTestId('branding-logo')).getByRole('img', { name: 'Current logo' })).toHaveAttribute('src', '/uploads/aaa.png');

    const input = within(favicon).getByLabelText('Upload a favicon…');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'image/png,image/jpeg,image/webp');
    const file = png();
    await user.upload(input, file);

    expect(await within(favicon).findByRole('img', { name: 'Current favicon' })).toHaveAttribute('src', '/uploads/bbb.png');
    const call = calls.find((c) => c.operationName === 'SetStatusPageImage');
    expect(call?.variables).toEqual({ pageId: 'p1', kind: 'FAVICON', file: null });
    expect(call?.headers['Apollo-Require-Preflight']).toBe('true');
    expect(call?.headers.Authorization).toBe('Bearer access-token');
    expect(call?.headers['Content-Type']).toBeUndefined();
    const form = call!.form!;
    expect(JSON.parse(form.get('operations') as string)).toMatchObject({
      operationName: 'SetStatusPageImage',
      query: expect.stringContaining('setStatusPageImage(pageId: $pageId, kind: $kind, file: $file)') as string,
      variables: { pageId: 'p1', kind: 'FAVICON', file: null },
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({ '0': ['variables.file'] });
    const part = form.get('0') as File;
    expect(part.name).toBe('favicon.png');
    expect(part.type).toBe('image/png');
    expect(part.size).toBe(100);
    expect([...form.keys()]).toEqual(['operations', 'map', '0']);
    expect(await screen.findByText('Favicon updated')).toBeInTheDocument();
  });

  it('shows the server’s message under the control', async () => {
    const { user } = renderEditor('OWNER', {
      SetStatusPageImage: () =>
        gqlError('invalid input', { code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: 'is not a image/png image: its content does not match its type' }] }),
    });
    const logo = await screen.findByTestId('branding-logo');
    const input = within(logo).getByLabelText('Upload a logo…');
    await user.upload(input, png('logo.png'));
    const message = await within(logo).findByText('Is not a image/png image: its content does not match its type.');
    expect(message).toBeVisible();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('does not match its type') as string);
  });

  it('refuses an SVG or an oversized file without a request', async () => {
    const { calls } = renderEditor('OWNER');
    const logo = await screen.findByTestId('branding-logo');
    const input = within(logo).getByLabelText('Upload a logo…');

    fireEvent.change(input, { target: { files: [new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' })] } });
    expect(await within(logo).findByText('“logo.svg” is not a PNG, JPEG or WebP image. Choose one of those.')).toBeInTheDocument();

    fireEvent.change(input, { target: { files: [png('huge.png', 512 * 1024 + 1)] } });
    expect(await within(logo).findByText('“huge.png” is 513 KiB; the most is 512 KiB. Save it smaller and try again.')).toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'SetStatusPageImage')).toBe(false);
  });

  it('removes the logo', async () => {
    const { user, calls } = renderEditor(
      'OWNER',
      { RemoveStatusPageImage: () => ({ data: { removeStatusPageImage: { id: 'p1', logoUrl: null, faviconUrl: null, updatedAt: page.updatedAt } } }) },
      [page, { ...page, logoUrl: null }],
    );
    const logo = await screen.findByTestId('branding-logo');
    await user.click(within(logo).getByRole('button', { name: 'Remove the logo' }));
    expect(await within(logo).findByText('No logo yet.')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'RemoveStatusPageImage')?.variables).toEqual({ pageId: 'p1', kind: 'LOGO' });
    expect(within(logo).queryByRole('button', { name: /remove/i })).not.toBeInTheDocument();
  });

  it('shows viewers the images without controls', async () => {
    renderEditor('VIEWER');
    const logo = await screen.findByTestId('branding-logo');
    expect(within(logo).getByRole('img', { name: 'Current logo' })).toBeInTheDocument();
    expect(within(logo).queryByLabelText(/upload/i)).not.toBeInTheDocument();
    expect(within(logo).queryByRole('button')).not.toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId('branding-favicon')).getByText('No favicon yet.')).toBeInTheDocument());
  });
});
