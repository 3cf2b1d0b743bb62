import { request as apiRequest, type Page, type TestInfo } from '@playwright/test';
import { createOrganization, graphql, logIn } from './support/api.ts';
import { BEACON_URL, VIEWPORTS } from './support/env.ts';
import { expect, isServerUrl, logInThroughUi, test, watchedContext } from './support/fixtures.ts';
import { waitForMailLink } from './support/mail.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Status-page subscribers end to end: an organization (of its own, so the shared fixture
 * organization keeps no main page) has a main page with two components. A visitor subscribes
 * on the organization's host to one component, opens the confirmation link from the mail file,
 * sees what it confirms and confirms it with the button; the owner sees the subscriber listed as
 * confirmed in the page editor. The subscribe dialog, the confirm page, the unsubscribe page and the editor get
 * the page checks at 1280 and 390 px.
 */
const port = new URL(BEACON_URL).port;

async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    await page.setViewportSize(viewport);
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

test('a visitor subscribes on the public page and confirms by email; the owner sees the subscriber', async ({ browser, problems, problemsHub }, testInfo) => {
  test.setTimeout(240_000);
  const api = await apiRequest.newContext();
  try {
    const org = await createOrganization(api, 'subs');
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const create = `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`;
    const web = await graphql<{ createMonitor: { id: string } }>(api, create, {
      input: { name: 'subs-web', heartbeat: { graceSeconds: 3600 }, intervalSeconds: 3600, failureThreshold: 1 },
    }, token);
    const payments = await graphql<{ createMonitor: { id: string } }>(api, create, {
      input: { name: 'subs-payments', heartbeat: { graceSeconds: 3600 }, intervalSeconds: 3600, failureThreshold: 1 },
    }, token);
    const page = await graphql<{ createStatusPage: { id: string } }>(
      api,
      `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }`,
      { input: { title: 'Status of Subs', slug: '', description: 'Website and payments.' } },
      token,
    );
    const pageId = page.createStatusPage.id;
    await graphql(
      api,
      `mutation ($id: ID!, $components: [StatusPageComponentInput!]!) { setStatusPageComponents(id: $id, components: $components) { id } }`,
      { id: pageId, components: [{ monitorId: web.createMonitor.id, name: 'Website', group: '' }, { monitorId: payments.createMonitor.id, name: 'Payments', group: 'Backend' }] },
      token,
    );

    // --- a visitor, no login, on the organization's host ---
    const visitorContext = await watchedContext(browser, problemsHub);
    const visitor = await visitorContext.newPage();
    problems.watchPage(visitor, isServerUrl);
    const host = `http://${org.slug}.localhost:${port}`;
    await visitor.goto(`${host}/`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of Subs');
    await expect(visitor.getByTestId('status-component')).toHaveCount(2);
    await checkBothWidths(visitor, testInfo, 'subscribers-public-page');

    // Keyboard: the header's button opens the dialog with focus in the email field.
    const trigger = visitor.getByRole('button', { name: 'Subscribe to updates' });
    await trigger.focus();
    await visitor.keyboard.press('Enter');
    const dialog = visitor.getByRole('dialog', { name: 'Subscribe to updates' });
    await expect(dialog.getByLabel('Email')).toBeFocused();
    // The form's own check first.
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect(dialog.getByText('Enter your email address.')).toBeVisible();
    await expect(dialog.getByLabel('Email')).toBeFocused();

    const email = `subscriber-${org.slug}@example-test.io`;
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('radio', { name: /Only some components/ }).check();
    await dialog.getByRole('checkbox', { name: 'Payments · Backend' }).check();
    await checkBothWidths(visitor, testInfo, 'subscribers-dialog');
    const since = Date.now();
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect(dialog.getByTestId('subscribe-outcome')).toHaveText('Check your inbox: open the link we sent to confirm your subscription.');
    await checkBothWidths(visitor, testInfo, 'subscribers-dialog-sent');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();

    // The confirmation link, from the mail file, on the organization's host.
    const link = await waitForMailLink(email, '/subscriptions/confirm', { since: since - 1000 });
    expect(link.origin).toBe(host);
    // Opening the link only shows the subscription (mail scanners open links); the button confirms.
    await visitor.goto(link.toString());
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription to Status of Subs');
    const facts = visitor.getByTestId('subscription-facts');
    await expect(facts).toContainText(email);
    await expect(facts.getByRole('list', { name: 'Components' }).getByRole('listitem')).toHaveText(['Payments']);
    await checkBothWidths(visitor, testInfo, 'subscribers-confirm-ask');
    await visitor.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('You’re subscribed');
    await expect(visitor.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(visitor.getByTestId('subscription-confirmed')).toContainText(`when ${org.name} posts`);
    await checkBothWidths(visitor, testInfo, 'subscribers-confirmed');
    await visitor.getByRole('link', { name: 'Go to the status page' }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of Subs');

    // The same link again: already confirmed.
    await visitor.goto(link.toString());
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('You’re already subscribed');

    // The unsubscribe page (the emails' link carries the same token) names the page and the
    // address and asks first; keeping the subscription leaves it as it is.
    const subscriptionToken = link.searchParams.get('token') ?? '';
    await visitor.goto(`${host}/unsubscribe/${subscriptionToken}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from Status of Subs?');
    await expect(visitor.getByTestId('subscription-facts')).toContainText(email);
    await checkBothWidths(visitor, testInfo, 'subscribers-unsubscribe');
    await visitor.getByRole('link', { name: 'Keep my subscription' }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of Subs');

    // Links that do not work (any more).
    await visitor.goto(`${host}/subscriptions/confirm?token=${'x'.repeat(43)}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('This link is no longer valid');
    await expect(visitor.getByRole('button', { name: 'Confirm subscription' })).toHaveCount(0);
    await checkBothWidths(visitor, testInfo, 'subscribers-confirm-invalid');
    await visitor.goto(`${host}/unsubscribe/${'x'.repeat(43)}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('You’re already unsubscribed');
    await expect(visitor.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);
    await checkBothWidths(visitor, testInfo, 'subscribers-unsubscribe-already');
    await visitorContext.close();

    // --- the owner, in the page editor ---
    const ownerContext = await watchedContext(browser, problemsHub);
    const owner = await ownerContext.newPage();
    problems.watchPage(owner, isServerUrl);
    await logInThroughUi(owner, org.accounts.OWNER, org.name);
    await owner.goto(`/app/status-pages/${pageId}`);
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Status of Subs');
    const section = owner.getByRole('region', { name: 'Subscribers' });
    const row = section.getByTestId('subscriber-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(email);
    await expect(row.getByTestId('subscriber-status')).toHaveText('Confirmed');
    await expect(row.getByTestId('subscriber-components')).toHaveText('Payments');
    await section.scrollIntoViewIfNeeded();
    await checkBothWidths(owner, testInfo, 'subscribers-editor');

    // The CSV export downloads a file named after the page.
    const download = owner.waitForEvent('download');
    await section.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`subscribers-status-of-subs.csv`);

    // Removal asks first.
    await section.getByRole('button', { name: `Remove ${email}` }).click();
    const confirm = owner.getByRole('alertdialog', { name: `Remove ${email}?` });
    await checkPage(owner, testInfo, 'subscribers-remove-confirm');
    await confirm.getByRole('button', { name: 'Remove subscriber' }).click();
    await expect(section.getByText('No subscribers yet.')).toBeVisible();
    await checkBothWidths(owner, testInfo, 'subscribers-editor-empty');
    await ownerContext.close();
  } finally {
    await api.dispose();
  }
});
