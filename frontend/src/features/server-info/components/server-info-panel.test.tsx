import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ServerInfoPanel } from './server-info-panel';
import { renderApp } from '@/test/render';

function renderPanel() {
  return renderApp(<ServerInfoPanel />, { session: null });
}


/** Matches the element whose full text (across child elements) is `text`, as a reader sees it. */
function textContent(text: string) {
  return (_content: string, element: Element | null) =>
    element?.textContent === text && Array.from(element.children).every((child) => child.textContent !== text);
}

function jsonResponse(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });
}

describe('ServerInfoPanel', () => {
  it('shows a loading state, then the versions the server returns', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(
      jsonResponse({ data: { serverInfo: { version: '0.1.0', apiVersion: '1' } } }),
    );
    vi.stubGlobal('fetch', fetchMock);

    renderPanel();

    expect(screen.getByRole('status')).toHaveTextContent(/loading server info/i);
    expect(await screen.findByText(textContent('Server version 0.1.0'))).toBeInTheDocument();
    expect(screen.getByText(textContent('API version 1'))).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    const body = JSON.parse(init?.body as string) as { query: string; operationName: string; variables: unknown };
    expect(body.operationName).toBe('ServerInfo');
    expect(body.query).toMatch(/serverInfo\s*{\s*version\s+apiVersion\s*}/);
    expect(body.variables).toEqual({});
  });

  it('shows a readable error when the server fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(new Response('upstream down', { status: 502, statusText: 'Bad Gateway' })),
    );

    renderPanel();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/could not load server info/i)).toBeInTheDocument();
    expect(within(alert).getByText('The server responded with HTTP 502 Bad Gateway.')).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: /try again/i })).toBeEnabled();
    expect(screen.queryByText(/server version/i)).not.toBeInTheDocument();
  });

  it('shows GraphQL error messages from the response', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ data: null, errors: [{ message: 'database unavailable' }] })),
    );

    renderPanel();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('database unavailable');
  });

  it('explains network failures', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));

    renderPanel();

    expect(await screen.findByRole('alert')).toHaveTextContent('Network error: could not reach the Beacon server.');
  });
});
