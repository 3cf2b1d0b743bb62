import net from 'node:net';
import type { Page, TestInfo } from '@playwright/test';
import { BEACON_URL, VIEWPORTS } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { waitForMail } from './support/mail.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Outages end to end against the real scheduler, with no reloads: a TCP monitor on a port this
 * test opens goes UP, DOWN when the port closes (incident on its page and on /incidents, alert
 * email in the mail directory), and UP again when it reopens (incident resolved, recovery email).
 * A heartbeat monitor goes DOWN when its pings stop. Timeouts are generous; nothing asserts on
 * how long anything took.
 */

async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    await page.setViewportSize(viewport);
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/** A TCP listener on `port` (0 for any), closing each connection at once. */
function listen(port = 0): Promise<{ server: net.Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
      else resolve({ server, port: address.port });
    });
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

test('an outage: DOWN with an incident and an alert email, then recovery, without reloading', async ({ pageAs, org }, testInfo) => {
  test.setTimeout(360_000);
  const target = await listen();
  const port = target.port;
  let server = target.server;
  const name = `Outage ${port}`;
  const owner = org.accounts.OWNER.email;
  try {
    const page = await pageAs('OWNER');
    await page.goto('/app/monitors/new');
    const form = page.getByRole('form', { name: 'Create monitor' });
    await form.getByRole('radio', { name: /TCP/ }).check();
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
    await form.getByRole('textbox', { name: 'Port' }).fill(String(port));
    await form.getByLabel('Check every').selectOption('10');
    await form.getByLabel('Down after').selectOption('1');
    const tags = form.getByLabel('Tags');
    await tags.fill('e2e');
    await tags.press('Enter');
    await expect(form.getByRole('list', { name: 'Tags added' })).toHaveText(/e2e/);
    await form.getByRole('button', { name: 'Create monitor' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const status = page.getByTestId('monitor-status').first();
    await expect(status).toHaveText('Up', { timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Tags' })).toHaveText(/e2e/);

    // The port closes: the page turns DOWN by itself and shows the incident.
    const downSince = Date.now() - 1000;
    await close(server);
    await expect(status).toHaveText('Down', { timeout: 90_000 });
    const incidentRow = page.getByTestId('incident-row');
    await expect(incidentRow).toHaveCount(1, { timeout: 30_000 });
    await expect(incidentRow).toContainText('Ongoing');

    // The incidents page (reached through the navigation, not a reload) lists it as open.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incidents');
    const open = page.getByTestId('open-incident').filter({ hasText: name });
    await expect(open).toHaveCount(1);
    await expect(open.getByRole('link', { name })).toBeVisible();
    const live = open.getByTestId('incident-live-duration');
    const first = await live.textContent();
    await expect(live).not.toHaveText(first ?? '', { timeout: 10_000 });
    await checkBothWidths(page, testInfo, 'incidents-open');

    const alert = await waitForMail(owner, new RegExp(`\\] ${name} is DOWN$`), { since: downSince, timeoutMs: 90_000 });
    expect(alert).toContain(`${name} is DOWN since`);
    expect(alert).toMatch(/\/app\/monitors\/[0-9a-f-]+/);

    // The port opens again: the incident resolves on the page still open, and the recovery is mailed.
    const upSince = Date.now() - 1000;
    ({ server } = await listen(port));
    await expect(open).toHaveCount(0, { timeout: 120_000 });
    const resolved = page.getByTestId('resolved-incident').filter({ hasText: name });
    await expect(resolved).toHaveCount(1, { timeout: 60_000 });
    await expect(resolved).toContainText('Resolved');
    await checkBothWidths(page, testInfo, 'incidents-resolved');
    const recovery = await waitForMail(owner, new RegExp(`\\] ${name} is UP$`), { since: upSince, timeoutMs: 90_000 });
    expect(recovery).toContain(`${name} is back UP at`);

    await resolved.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByTestId('monitor-status').first()).toHaveText('Up');
    await expect(page.getByTestId('incident-row').first()).not.toContainText('Ongoing');
  } finally {
    if (server.listening) await close(server);
  }
});

test('a heartbeat monitor goes DOWN when its pings stop, without reloading', async ({ pageAs, request }, testInfo) => {
  test.setTimeout(240_000);
  const name = `Cron job ${Date.now().toString(36)}`;
  const page = await pageAs('OWNER');
  await page.goto('/app/monitors/new');
  const form = page.getByRole('form', { name: 'Create monitor' });
  await form.getByRole('radio', { name: /Heartbeat/ }).check();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Grace period (seconds)').fill('0');
  await form.getByLabel('Expected every').selectOption('10');
  await form.getByLabel('Down after').selectOption('1');
  await form.getByRole('button', { name: 'Create monitor' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('monitor-schedule')).toHaveText('every 10 s');

  // One ping (to this server's origin: the URL names the tenant host), then silence.
  const pingUrl = (await page.getByTestId('ping-url').textContent()) ?? '';
  const ping = await request.get(new URL(new URL(pingUrl).pathname, BEACON_URL).toString());
  expect(ping.ok()).toBe(true);
  const status = page.getByTestId('monitor-status').first();
  await expect(status).toHaveText('Up', { timeout: 60_000 });
  await expect(status).toHaveText('Down', { timeout: 120_000 });
  await expect(page.getByTestId('incident-row')).toContainText('Ongoing', { timeout: 30_000 });
  await checkBothWidths(page, testInfo, 'monitor-heartbeat-down');
});
