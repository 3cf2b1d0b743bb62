import { request as apiRequest } from '@playwright/test';
import { createOrganization, graphql, logIn } from './support/api.ts';
import { BEACON_URL } from './support/env.ts';
import { expect, isServerUrl, logInThroughUi, test, watchedContext } from './support/fixtures.ts';
import { checkBothWidths, checkPage } from './support/page-checks.ts';
import { listen } from './support/tcp.ts';

/**
 * Status pages end to end: an owner (of an organization of its own, so the shared fixture
 * organization keeps no main page) builds the main page in the editor — two monitors under
 * public names, one in a group, reordered — and a visitor without login opens the
 * organization's host and sees it. Editor and public page get the page checks at 1280 and 390 px.
 */
const port = new URL(BEACON_URL).port;

test('an owner builds the main status page; a visitor sees it on the organization’s host', async ({ browser, problems, problemsHub }, testInfo) => {
  test.setTimeout(240_000);
  const { server, port: openPort } = await listen();
  const api = await apiRequest.newContext();
  try {
    const org = await createOrganization(api, 'sp');
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const create = `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`;
    await graphql(api, create, { input: { name: `web-tcp-${openPort}`, tcp: { host: '127.0.0.1', port: openPort }, intervalSeconds: 10, failureThreshold: 1 } }, token);
    await graphql(api, create, { input: { name: 'payments-heartbeat', heartbeat: { graceSeconds: 3600 }, intervalSeconds: 3600, failureThreshold: 1 } }, token);

    // --- the owner, in the editor ---
    const ownerContext = await watchedContext(browser, problemsHub);
    const page = await ownerContext.newPage();
    problems.watchPage(page, isServerUrl);
    await logInThroughUi(page, org.accounts.OWNER, org.name);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status pages' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Status pages');
    await expect(page.getByText('No status pages yet.')).toBeVisible();
    await checkBothWidths(page, testInfo, 'status-pages-empty');

    await page.getByRole('link', { name: 'Create your first status page' }).click();
    const form = page.getByRole('form', { name: 'Create status page' });
    // The form's own check first.
    await form.getByRole('button', { name: 'Create page' }).click();
    await expect(form.getByText('Enter a title for the page.')).toBeVisible();
    await expect(form.getByLabel('Title')).toBeFocused();
    await form.getByLabel('Title').fill('Status of SP');
    await form.getByLabel('Description').fill('Live status of our website and payments.');
    // The first page is the main one, at the organization's address.
    await expect(form.getByLabel('Path')).toHaveValue('');
    await expect(form.getByTestId('page-url-preview')).toHaveText(`http://${org.slug}.localhost:${port}/`);
    await checkBothWidths(page, testInfo, 'status-page-new');
    await form.getByRole('button', { name: 'Create page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Status of SP');

    // Both monitors from the picker, searched by name.
    await page.getByRole('button', { name: 'Add monitors' }).click();
    const picker = page.getByRole('dialog', { name: 'Add monitors' });
    await picker.getByLabel('Search monitors').fill('web-tcp');
    await picker.getByRole('button', { name: `Add web-tcp-${openPort}` }).click();
    await picker.getByLabel('Search monitors').fill('payments');
    await expect(picker.getByTestId('picker-monitor')).toHaveCount(1);
    await picker.getByRole('button', { name: 'Add payments-heartbeat' }).click();
    await expect(picker.getByRole('button', { name: 'payments-heartbeat added' })).toBeDisabled();
    await checkPage(page, testInfo, 'status-page-picker');
    await picker.getByRole('button', { name: 'Done' }).click();
    await expect(picker).toBeHidden();

    const rows = page.getByTestId('component-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).getByLabel('Public name')).toHaveValue(`web-tcp-${openPort}`);
    // An empty public name is named under its field.
    await rows.nth(0).getByLabel('Public name').fill('');
    await page.getByRole('button', { name: 'Save components' }).click();
    await expect(rows.nth(0).getByText('Enter the name the public sees.')).toBeVisible();
    await expect(rows.nth(0).getByLabel('Public name')).toBeFocused();
    await checkBothWidths(page, testInfo, 'status-page-editor-errors');

    await rows.nth(0).getByLabel('Public name').fill('Website');
    await rows.nth(1).getByLabel('Public name').fill('Payments');
    await rows.nth(1).getByLabel('Group').fill('Backend');
    // Reorder with the keyboard: Payments first, focus stays with it.
    await rows.nth(1).getByRole('button', { name: 'Move Payments up' }).focus();
    await page.keyboard.press('Enter');
    await expect(rows.nth(0).getByLabel('Public name')).toHaveValue('Payments');
    await expect(rows.nth(0).getByRole('button', { name: 'Move Payments down' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rows.nth(0).getByLabel('Public name')).toHaveValue('Website');
    await expect(page.getByTestId('unsaved-components')).toBeVisible();
    await page.getByRole('button', { name: 'Save components' }).click();
    await expect(page.getByText('Components saved', { exact: true })).toBeVisible();
    await expect(page.getByTestId('unsaved-components')).toBeHidden();
    await checkBothWidths(page, testInfo, 'status-page-editor');

    const saved = await graphql<{ statusPages: { slug: string; components: { name: string; group: string }[] }[] }>(
      api,
      `{ statusPages { slug components { name group } } }`,
      {},
      token,
    );
    expect(saved.statusPages).toEqual([{ slug: '', components: [{ name: 'Website', group: '' }, { name: 'Payments', group: 'Backend' }] }]);

    await page.getByRole('link', { name: '← All status pages' }).click();
    const row = page.getByTestId('status-page-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('component-count')).toHaveText('2 components');
    await expect(row.getByRole('link', { name: /opens in a new tab/ })).toHaveAttribute('href', `http://${org.slug}.localhost:${port}/`);
    await checkBothWidths(page, testInfo, 'status-pages');
    await ownerContext.close();

    // --- a visitor, no login ---
    const visitorContext = await watchedContext(browser, problemsHub);
    const visitor = await visitorContext.newPage();
    problems.watchPage(visitor, isServerUrl);
    await visitor.goto(`http://${org.slug}.localhost:${port}/`);
    await expect(visitor).toHaveURL(`http://${org.slug}.localhost:${port}/`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of SP');
    await expect(visitor.getByText('Live status of our website and payments.')).toBeVisible();
    await expect(visitor.getByText(org.name, { exact: true })).toBeVisible();
    const components = visitor.getByTestId('status-component');
    await expect(components).toHaveCount(2);
    await expect(components.nth(0).getByRole('heading')).toHaveText('Website');
    await expect(visitor.getByRole('heading', { level: 3, name: 'Backend' })).toBeVisible();
    await expect(components.nth(1).getByRole('heading')).toHaveText('Payments');
    // The TCP port is open: the website turns operational (the page polls, no reload).
    await expect(components.nth(0).getByTestId('component-status')).toHaveText('Operational', { timeout: 90_000 });
    await expect(visitor.getByTestId('overall-status')).toBeVisible();
    await expect(components.nth(0).getByTestId('uptime-bar')).toHaveCount(90);
    // One tab stop per strip; arrows move between days and show the day.
    const today = components.nth(0).getByTestId('uptime-bar').last();
    await today.focus();
    await expect(visitor.getByTestId('uptime-tip')).toBeVisible();
    await visitor.keyboard.press('ArrowLeft');
    await expect(components.nth(0).getByTestId('uptime-bar').nth(88)).toBeFocused();
    await expect(visitor.getByTestId('uptime-tip')).toContainText(/No data|uptime/);
    await visitor.keyboard.press('Escape');
    await expect(visitor.getByTestId('generated-at')).toContainText('Updated');
    await expect(visitor.getByText('Powered by')).toBeVisible();
    await checkBothWidths(visitor, testInfo, 'status-page-public');
    await visitor.emulateMedia({ colorScheme: 'dark' });
    await checkPage(visitor, testInfo, 'status-page-public-dark');
    await visitor.emulateMedia({ colorScheme: 'light' });

    // Other paths: a page that does not exist is "not found"; the login page is still there.
    await visitor.goto(`http://${org.slug}.localhost:${port}/no-such-page`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await visitor.goto(`http://${org.slug}.localhost:${port}/login`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Log in to ${org.name}`);
    await visitorContext.close();
  } finally {
    await api.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
