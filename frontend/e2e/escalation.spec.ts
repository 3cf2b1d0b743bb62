import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, logIn } from './support/api.ts';
import { expect, test } from './support/fixtures.ts';
import { checkBothWidths } from './support/page-checks.ts';

/**
 * Escalation policies in the browser. The organization is signed up by the `org` fixture; two
 * webhook channels point at a receiver started by the test on 127.0.0.1 (the server runs with
 * ALLOW_PRIVATE_TARGETS=true). The owner builds a two-step policy in the editor, assigns it to
 * a monitor from the monitor's page, and the policy list, the editor and the public acknowledge
 * page (with an invalid token) get the page checks (axe, overflow, screenshot) at 1280 and 390 px.
 */

/** A receiver that answers 200 to everything. */
function startReceiver(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/hooks/beacon` });
    });
  });
}

test('escalation: build a two-step policy, assign it to a monitor, and the public acknowledge page refuses a bad link', async ({ pageAs, anonymousPage, org, request }, testInfo) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    const token = await logIn(request, org.accounts.OWNER, org.slug);
    const suffix = Date.now().toString(36);
    const monitorName = `Checkout ${suffix}`;
    const { createMonitor } = await graphql<{ createMonitor: { id: string } }>(
      request,
      `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
      { input: { name: monitorName, heartbeat: { graceSeconds: 300 }, intervalSeconds: 3600 } },
      token,
    );

    const page = await pageAs('OWNER');

    // A webhook channel through the UI, then a second one over the API.
    await page.goto('/app/alerts/new?kind=WEBHOOK');
    const channelForm = page.getByRole('form', { name: 'New Webhook channel' });
    await channelForm.getByLabel('Name', { exact: true }).fill(`On-call hook ${suffix}`);
    await channelForm.getByLabel('Receiver URL').fill(receiver.url);
    await channelForm.getByRole('button', { name: 'Create channel' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Your webhook signing secret' });
    await expect(secretDialog).toBeVisible();
    await secretDialog.getByRole('button', { name: 'I’ve saved it' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`On-call hook ${suffix}`);
    await graphql(
      request,
      `mutation ($input: AlertChannelInput!) { createAlertChannel(input: $input) { channel { id } } }`,
      { input: { name: `Pager hook ${suffix}`, kind: 'WEBHOOK', url: `${receiver.url}?pager` } },
      token,
    );

    // The policies tab: empty at first, with its explanation.
    await page.goto('/app/alerts');
    await page.getByRole('navigation', { name: 'Alerts' }).getByRole('link', { name: 'Escalation policies' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Escalation policies');
    await expect(page.getByText('No escalation policies yet.')).toBeVisible();
    await checkBothWidths(page, testInfo, 'escalation-empty');

    // Two steps: the on-call hook at once, the pager hook after 10 minutes; repeat every 30.
    await page.getByRole('main').getByRole('link', { name: 'Create policy' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New escalation policy');
    const form = page.getByRole('form', { name: 'New escalation policy' });
    await form.getByRole('textbox', { name: 'Name' }).fill(`Production ${suffix}`);
    const steps = form.getByTestId('escalation-step');
    await steps.nth(0).getByRole('checkbox', { name: `On-call hook ${suffix}` }).check();
    await form.getByRole('button', { name: 'Add step' }).click();
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(1).getByRole('textbox', { name: 'Wait (minutes)' })).toBeFocused();
    await steps.nth(1).getByRole('checkbox', { name: `Pager hook ${suffix}` }).check();
    await form.getByRole('textbox', { name: 'Repeat the last step every (minutes)' }).fill('30');
    await checkBothWidths(page, testInfo, 'escalation-new');
    await form.getByRole('button', { name: 'Create policy' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Production ${suffix}`);
    await expect(page.getByRole('main')).toContainText(`On-call hook ${suffix} → after 10 min Pager hook ${suffix}, repeat every 30 min`);
    await checkBothWidths(page, testInfo, 'escalation-editor');

    await page.getByRole('link', { name: '← All escalation policies' }).click();
    const row = page.getByTestId('escalation-policy-row').filter({ hasText: `Production ${suffix}` });
    await expect(row).toContainText('None yet');
    await checkBothWidths(page, testInfo, 'escalation-list');

    // Assign it from the monitor's page.
    await page.goto(`/app/monitors/${createMonitor.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(monitorName);
    const escalation = page.getByRole('form', { name: 'Escalation policy' });
    await escalation.getByLabel('Policy').selectOption({ label: `Production ${suffix}` });
    await escalation.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Escalation policy saved', { exact: true })).toBeVisible();
    await expect(escalation.getByRole('button', { name: 'Save' })).toBeDisabled();
    await page.reload();
    await expect(page.getByRole('form', { name: 'Escalation policy' }).getByLabel('Policy')).toHaveValue(/.+/);

    await page.goto('/app/alerts/escalation');
    await expect(page.getByTestId('escalation-policy-row').filter({ hasText: `Production ${suffix}` })).toContainText('1 monitor');

    // The public acknowledge page, signed out, with a token that was never issued.
    await anonymousPage.goto('/ack/not-a-real-token');
    await expect(anonymousPage.getByRole('heading', { level: 1 })).toHaveText('This link is invalid or has expired');
    await expect(anonymousPage.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
    await checkBothWidths(anonymousPage, testInfo, 'ack-invalid');
  } finally {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  }
});
