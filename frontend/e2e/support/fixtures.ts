import { test as base, expect, request as apiRequest, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createOrganization, type Account, type Organization, type Role } from './api.ts';
import { BrowserProblems } from './browser-problems.ts';
import { BEACON_URL } from './env.ts';

const server = new URL(BEACON_URL);

/** Whether `url` is the server under test: its own origin, or a tenant host (`*.localhost`) on its port. */
export function isServerUrl(url: string): boolean {
  const u = new URL(url);
  return u.port === server.port && (u.hostname === server.hostname || u.hostname === 'localhost' || u.hostname.endsWith('.localhost'));
}

/** Logs `who` in through the real login page of a fresh context, and waits for the signed-in home. */
export async function logInThroughUi(page: Page, who: Account, organizationName?: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  if (organizationName) {
    // Members of several organizations pick one first.
    const picker = page.getByRole('region', { name: 'Choose an organization' });
    if (await picker.isVisible().catch(() => false)) await picker.getByRole('button', { name: new RegExp(organizationName) }).click();
  }
  await page.waitForURL((url) => url.pathname === '/app');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
}

interface WorkerFixtures {
  /** An organization with a verified owner, admin, member and viewer, made once per worker. */
  org: Organization;
  /** Problems reported by any page of the current test (reset per test). */
  problemsHub: { current: BrowserProblems };
  /** Signed-in browser contexts per role, kept for the worker (refresh tokens rotate in their jar). */
  signedIn: (role: Role) => Promise<BrowserContext>;
}

interface TestFixtures {
  /** Fails the test when a page logged a console error, threw, broke the CSP or got an HTTP error. */
  problems: BrowserProblems;
  /** A new page signed in as `role` in `org`. */
  pageAs: (role: Role) => Promise<Page>;
  /** A page of a fresh anonymous context, watched for problems. */
  anonymousPage: Page;
}

/** A context whose pages report CSP violations into the running test's problems. */
export async function watchedContext(browser: Browser, hub: { current: BrowserProblems }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: BEACON_URL, viewport: { width: 1280, height: 800 } });
  // The binding outlives tests, so it reports into whichever test is running.
  await context.exposeBinding('__beaconReportCsp', (_source, violation: string) => {
    hub.current.list.push({ kind: 'csp', text: violation });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`;
      void (window as unknown as { __beaconReportCsp: (v: string) => Promise<void> }).__beaconReportCsp(report);
    });
  });
  return context;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  problemsHub: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use({ current: new BrowserProblems() });
    },
    { scope: 'worker' },
  ],

  org: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const request = await apiRequest.newContext();
      const org = await createOrganization(request, 'fx');
      await request.dispose();
      await use(org);
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  signedIn: [
    async ({ browser, org, problemsHub }, use) => {
      const contexts = new Map<Role, BrowserContext>();
      await use(async (role) => {
        let context = contexts.get(role);
        if (!context) {
          context = await watchedContext(browser, problemsHub);
          const page = await context.newPage();
          problemsHub.current.watchPage(page, isServerUrl);
          await logInThroughUi(page, org.accounts[role], org.name);
          await page.close();
          contexts.set(role, context);
        }
        return context;
      });
      for (const context of contexts.values()) await context.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  problems: [
    async ({ problemsHub }, use) => {
      problemsHub.current = new BrowserProblems();
      await use(problemsHub.current);
      expect(problemsHub.current.list, `the browser reported problems:\n${problemsHub.current.describe()}`).toEqual([]);
    },
    { auto: true },
  ],

  pageAs: async ({ signedIn, problems }, use) => {
    const pages: Page[] = [];
    await use(async (role) => {
      const page = await (await signedIn(role)).newPage();
      problems.watchPage(page, isServerUrl);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.close();
  },

  anonymousPage: async ({ browser, problemsHub, problems }, use) => {
    const context = await watchedContext(browser, problemsHub);
    const page = await context.newPage();
    problems.watchPage(page, isServerUrl);
    await use(page);
    await context.close();
  },
});

export { expect };
