import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, logIn } from './support/api.ts';
import { expect, test } from './support/fixtures.ts';
import { checkBothWidths, checkPage } from './support/page-checks.ts';

/**
 * Alert channels in the browser, against a webhook receiver started by the test on 127.0.0.1
 * (the server under test runs with ALLOW_PRIVATE_TARGETS=true so it may call it): the owner
 * picks the Webhook kind, creates the channel, sees and copies the one-time signing secret,
 * sends a test and watches the delivery turn DELIVERED, and the receiver got a POST signed per
 * Standard Webhooks. Then the channel is routed to every monitor. The list, the new-channel
 * form and the channel page get the page checks (axe, overflow, screenshot) at 1280 and 390 px.
 */

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver that answers 200 to everything and records what it got. */
function startReceiver(): Promise<{ server: http.Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/hooks/beacon`, received });
    });
  });
}

test('alert channels: create a webhook, keep its secret, send a test to a local receiver, route it to every monitor', async ({ pageAs, org, request }, testInfo) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    // A monitor, so "All monitors" has something to cover.
    const token = await logIn(request, org.accounts.OWNER, org.slug);
    const suffix = Date.now().toString(36);
    await graphql(
      request,
      `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
      { input: { name: `Checkout ${suffix}`, heartbeat: { graceSeconds: 300 }, intervalSeconds: 3600 } },
      token,
    );

    const page = await pageAs('OWNER');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/app');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alert channels' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alert channels');
    await checkBothWidths(page, testInfo, 'alerts-list');

    // Pick the kind from the grid, with the keyboard.
    await page.getByRole('main').getByRole('link', { name: 'Add channel' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add alert channel');
    const kinds = page.getByRole('list', { name: 'Channel kinds' });
    await expect(kinds.getByRole('link')).toHaveCount(15);
    await checkBothWidths(page, testInfo, 'alerts-new-kinds');
    await kinds.getByRole('link', { name: /^Email/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(kinds.getByRole('link', { name: /^Webhook/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New Webhook channel');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

    const form = page.getByRole('form', { name: 'New Webhook channel' });
    // The client's checks first.
    await form.getByRole('button', { name: 'Create channel' }).click();
    await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
    await expect(form.getByText('Enter the receiver URL.')).toBeVisible();
    await checkBothWidths(page, testInfo, 'alerts-new-webhook-errors');

    const name = `Receiver ${suffix}`;
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Receiver URL').fill(receiver.url);
    await checkBothWidths(page, testInfo, 'alerts-new-webhook');
    await form.getByRole('button', { name: 'Create channel' }).click();

    // The signing secret, once.
    const dialog = page.getByRole('dialog', { name: 'Your webhook signing secret' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('you won’t see it again');
    const secret = (await dialog.getByTestId('signing-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await dialog.getByRole('button', { name: 'Copy signing secret' }).click();
    await expect(dialog.getByRole('button', { name: 'Copy signing secret' })).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await checkPage(page, testInfo, 'alerts-webhook-secret');
    await dialog.getByRole('button', { name: 'I’ve saved it' }).click();
    await expect(dialog).toBeHidden();

    // The channel's page; the secret is not shown again.
    await expect(page).toHaveURL(/\/app\/alerts\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(page.getByText(/Standard Webhooks library/)).toBeVisible();

    // A test: queued, then delivered (the log polls while it is on its way).
    await page.getByRole('button', { name: 'Send test' }).click();
    const row = page.getByTestId('delivery-row').first();
    await expect(row).toContainText('Test');
    await expect(row.getByTestId('delivery-status')).toHaveAttribute('data-status', 'DELIVERED', { timeout: 30_000 });
    await expect(row.getByTestId('delivery-status')).toHaveText('Delivered');
    await expect(row).toContainText('200');
    await row.getByRole('button', { name: /^Attempts of the test delivery/ }).click();
    await expect(page.getByTestId('delivery-attempt')).toHaveCount(1);
    await checkBothWidths(page, testInfo, 'alerts-channel');

    // The receiver got a signed POST.
    await expect.poll(() => receiver.received.length).toBeGreaterThan(0);
    const hit = receiver.received.find((r) => r.method === 'POST');
    expect(hit, 'the receiver got a POST').toBeDefined();
    expect(hit?.url).toBe('/hooks/beacon');
    expect(hit?.headers['webhook-id']).toBeTruthy();
    expect(hit?.headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(hit?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+/);
    expect(() => JSON.parse(hit?.body ?? '') as unknown).not.toThrow();

    // Routing: every monitor, down, up and expiring certificates.
    const routing = page.getByRole('form', { name: 'Routing' });
    await routing.getByRole('radio', { name: /All monitors/ }).check();
    await routing.getByRole('checkbox', { name: /^Down/ }).check();
    await routing.getByRole('checkbox', { name: /^Up/ }).check();
    await routing.getByRole('checkbox', { name: /^Certificate expiring/ }).check();
    await routing.getByRole('button', { name: 'Save routing' }).click();
    await expect(page.getByText('Routing saved', { exact: true })).toBeVisible();
    await expect(routing.getByRole('button', { name: 'Save routing' })).toBeDisabled();
    await checkBothWidths(page, testInfo, 'alert-channel-routing-events');

    // The list says so.
    await page.getByRole('link', { name: '← All alert channels' }).click();
    const listed = page.getByTestId('alert-channel-row').filter({ hasText: name });
    await expect(listed).toContainText('Webhook');
    await expect(listed).toContainText('All monitors · down, up, certificate expiring');
    await expect(listed).toContainText(receiver.url);
    await checkBothWidths(page, testInfo, 'alerts-list-with-channel');
  } finally {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  }
});
