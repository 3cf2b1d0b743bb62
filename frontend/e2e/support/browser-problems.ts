import type { ConsoleMessage, Page, Response } from '@playwright/test';

export interface Problem {
  kind: 'console' | 'pageerror' | 'csp' | 'http';
  text: string;
}

/**
 * Collects what must never happen in a page: console errors, uncaught errors, CSP violations
 * (reported from the page through a binding, see fixtures.ts) and HTTP errors from the server.
 */
export class BrowserProblems {
  readonly list: Problem[] = [];
  private readonly expected: ((url: string, status: number) => boolean)[] = [];

  /** An HTTP error the test provokes on purpose (e.g. a refused API key). */
  expectHttpError(matches: (url: string, status: number) => boolean) {
    this.expected.push(matches);
  }

  /** Starts watching `page`; returns a function that stops. */
  watchPage(page: Page, isServerUrl: (url: string) => boolean): () => void {
    const onConsole = (msg: ConsoleMessage) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      // The browser logs refused requests as console errors; those are judged by `response` below.
      if (/Failed to load resource: the server responded with a status of/.test(msg.text())) return;
      this.list.push({ kind: 'console', text: `${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}` });
    };
    const onPageError = (error: Error) => this.list.push({ kind: 'pageerror', text: error.message });
    const onResponse = (response: Response) => {
      const status = response.status();
      const url = response.url();
      if (status >= 400 && isServerUrl(url) && !this.expected.some((m) => m(url, status))) {
        this.list.push({ kind: 'http', text: `${status} ${response.request().method()} ${url}` });
      }
    };
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    page.on('response', onResponse);
    return () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('response', onResponse);
    };
  }

  describe(): string {
    return this.list.map((p) => `${p.kind}: ${p.text}`).join('\n');
  }
}
