import net from 'node:net';
import type { Page, TestInfo } from '@playwright/test';
import { graphql, logIn } from './support/api.ts';
import { VIEWPORTS } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Monitors against the real scheduler: a TCP monitor on a port this test opens turns UP in the
 * list without reloading, turns DOWN once the port closes, and its page shows the incident;
 * a heartbeat monitor shows its ping URL. The list, the form and a monitor's page get the page
 * checks (axe, overflow, screenshot) at 1280 and 390 px.
 */

/** The page checks at both widths, back at desktop width afterwards. */
async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    await page.setViewportSize(viewport);
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

function listen(): Promise<{ server: net.Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
      else resolve({ server, port: address.port });
    });
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

test('a TCP monitor turns UP, then DOWN with an incident, without reloading', async ({ pageAs }, testInfo) => {
  test.setTimeout(240_000);
  const { server, port } = await listen();
  const name = `Port ${port}`;
  try {
    const page = await pageAs('OWNER');
    await page.goto('/app');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitors');
    await checkBothWidths(page, testInfo, 'monitors');

    await page.getByRole('main').getByRole('link', { name: 'Create monitor' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create monitor');
    const form = page.getByRole('form', { name: 'Create monitor' });
    await form.getByRole('radio', { name: /TCP/ }).check();
    // The form's own validation names the first missing field and focuses it.
    await form.getByRole('button', { name: 'Create monitor' }).click();
    await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
    await expect(form.getByText('Enter a name for the monitor.')).toBeVisible();
    await expect(form.getByText('Enter the port.')).toBeVisible();
    await checkBothWidths(page, testInfo, 'monitor-new-errors');

    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
    await form.getByRole('textbox', { name: 'Port' }).fill(String(port));
    await form.getByLabel('Check every').selectOption('10');
    await form.getByLabel('Down after').selectOption('1');
    await form.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const monitorUrl = page.url();

    // The list refreshes itself: no reload from here on.
    await page.getByRole('link', { name: '← All monitors' }).click();
    await page.getByLabel('Search').fill(name);
    const row = page.getByTestId('monitor-row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('monitor-status')).toHaveText('Up', { timeout: 45_000 });
    await expect(row).toContainText('127.0.0.1:' + String(port));
    await checkBothWidths(page, testInfo, 'monitors-with-rows');

    await close(server);
    await expect(row.getByTestId('monitor-status')).toHaveText('Down', { timeout: 60_000 });
    await expect(row.getByTestId('monitor-last-error')).not.toBeEmpty();

    await row.getByRole('link', { name }).click();
    expect(page.url()).toBe(monitorUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const incident = page.getByTestId('incident-row');
    await expect(incident).toHaveCount(1);
    await expect(incident).toContainText('Ongoing');
    await expect(page.getByTestId('check-row').first()).toBeVisible();
    // Uptime per period, one bar per day for 90 days (the last 30 on phones) and the response-time chart.
    await expect(page.getByTestId('uptime-summary')).toContainText('Uptime 24 h');
    const bars = page.getByTestId('uptime-bar');
    await expect(bars).toHaveCount(90);
    await expect(bars.last()).toHaveAccessibleName(/^\d{4}-\d{2}-\d{2}: /);
    await bars.last().focus();
    await expect(bars.last()).toBeFocused();
    // uPlot draws on a canvas; the CSP check of every test (fixtures) proves it injected no style.
    const chart = page.getByTestId('response-chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart.getByRole('img')).toHaveAccessibleName(/^Response time of the last \d+ checks/);
    await chart.locator('.u-over').hover();
    await expect(chart.locator('.response-chart__tip--shown')).toBeVisible();
    await page.setViewportSize(VIEWPORTS.phone);
    await expect(bars.first()).toBeHidden();
    await expect(bars.last()).toBeVisible();
    await page.setViewportSize(VIEWPORTS.desktop);
    await expect(bars.first()).toBeVisible();
    await checkBothWidths(page, testInfo, 'monitor-down');

    // Delete asks first; Escape cancels.
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('alertdialog', { name: `Delete “${name}”?` })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  } finally {
    if (server.listening) await close(server);
  }
});

test('a heartbeat monitor shows its ping URL and a curl example', async ({ pageAs }, testInfo) => {
  const page = await pageAs('OWNER');
  await page.goto('/app/monitors/new');
  const form = page.getByRole('form', { name: 'Create monitor' });
  await form.getByRole('radio', { name: /Heartbeat/ }).check();
  await form.getByLabel('Name', { exact: true }).fill('Nightly backup');
  await form.getByLabel('Grace period (seconds)').fill('600');
  await form.getByLabel('Expected every').selectOption('3600');
  await checkBothWidths(page, testInfo, 'monitor-new-heartbeat');
  await form.getByRole('button', { name: 'Create monitor' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nightly backup');
  const pingUrl = page.getByTestId('ping-url');
  await expect(pingUrl).toHaveText(/^https?:\/\/\S+\/ping\/\S+$/);
  const url = (await pingUrl.textContent()) ?? '';
  await expect(page.getByTestId('ping-curl')).toContainText(`curl -fsS -m 10 --retry 3 ${url}`);
  await expect(page.getByRole('button', { name: 'Copy ping URL' })).toBeVisible();
  await checkBothWidths(page, testInfo, 'monitor-heartbeat');
});

test('viewers see monitors but cannot create or change them', async ({ pageAs, org, request }) => {
  // A monitor of their own for this test, made by the owner over the API.
  const token = await logIn(request, org.accounts.OWNER, org.slug);
  await graphql(request, `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`, { input: { name: 'Viewer check', heartbeat: { graceSeconds: 300 } } }, token);
  const page = await pageAs('VIEWER');
  await page.goto('/app/monitors');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitors');
  await expect(page.getByTestId('monitor-row').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create monitor' })).toHaveCount(0);
  await page.getByTestId('monitor-row').first().getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
});
