import { request as apiRequest } from '@playwright/test';
import { createOrganization, graphql, logIn } from './support/api.ts';
import { BEACON_URL } from './support/env.ts';
import { expect, isServerUrl, logInThroughUi, test, watchedContext } from './support/fixtures.ts';
import { checkBothWidths, checkPage } from './support/page-checks.ts';
import { listen } from './support/tcp.ts';

/**
 * Public incidents end to end: an owner (of an organization of its own, whose main page this
 * is) opens the composer from the page editor, checks the live preview, publishes an incident
 * on one component, posts an update and corrects a message; a visitor without login sees the
 * incident above the components with its timeline, and after it is resolved, in the history.
 * Composer, incident, list and public page get the page checks at 1280 and 390 px.
 */
const port = new URL(BEACON_URL).port;

test('an owner posts an incident with updates; a visitor reads its timeline on the public page', async ({ browser, problems, problemsHub }, testInfo) => {
  test.setTimeout(240_000);
  const { server, port: openPort } = await listen();
  const api = await apiRequest.newContext();
  try {
    const org = await createOrganization(api, 'si');
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const create = `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`;
    const web = await graphql<{ createMonitor: { id: string } }>(
      api,
      create,
      { input: { name: `web-tcp-${openPort}`, tcp: { host: '127.0.0.1', port: openPort }, intervalSeconds: 10, failureThreshold: 1 } },
      token,
    );
    const payments = await graphql<{ createMonitor: { id: string } }>(
      api,
      create,
      { input: { name: 'payments-heartbeat', heartbeat: { graceSeconds: 3600 }, intervalSeconds: 3600, failureThreshold: 1 } },
      token,
    );
    const { createStatusPage: statusPage } = await graphql<{ createStatusPage: { id: string } }>(
      api,
      `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }`,
      { input: { title: 'Status of SI', description: 'Live status of our website and payments.' } },
      token,
    );
    await graphql(
      api,
      `mutation ($id: ID!, $components: [StatusPageComponentInput!]!) { setStatusPageComponents(id: $id, components: $components) { id } }`,
      {
        id: statusPage.id,
        components: [
          { monitorId: web.createMonitor.id, name: 'Website' },
          { monitorId: payments.createMonitor.id, name: 'Payments', group: 'Backend' },
        ],
      },
      token,
    );

    // --- the owner: from the page editor to the composer ---
    const ownerContext = await watchedContext(browser, problemsHub);
    const page = await ownerContext.newPage();
    problems.watchPage(page, isServerUrl);
    await logInThroughUi(page, org.accounts.OWNER, org.name);
    await page.goto(`/app/status-pages/${statusPage.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Status of SI');
    await expect(page.getByTestId('open-incident-count')).toHaveText('No open incident.');
    await page.getByRole('link', { name: 'New incident' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New incident');

    const form = page.getByRole('form', { name: 'New incident' });
    const preview = page.getByRole('region', { name: 'Preview: what visitors see' });
    // The form's own check first.
    await form.getByRole('button', { name: 'Publish incident' }).click();
    await expect(form.getByText('Enter a title for the incident.')).toBeVisible();
    await expect(form.getByLabel('Title')).toBeFocused();
    await form.getByLabel('Title').fill('Payments are failing for some customers');
    await form.getByLabel('Message').fill('Some card payments fail at checkout.\nWe are looking into it.');
    await form.getByLabel('Payments (Backend)').selectOption('PARTIAL');
    // The preview is the public card, live.
    const card = preview.getByRole('article', { name: 'Payments are failing for some customers' });
    await expect(card.getByTestId('incident-status')).toHaveText('Investigating');
    await expect(card.getByTestId('incident-impact')).toHaveText('Partial outage');
    await expect(card.getByTestId('affected-component')).toHaveText(['PaymentsPartial outage']);
    await expect(card.getByTestId('incident-update')).toContainText('Some card payments fail at checkout.');
    await checkBothWidths(page, testInfo, 'status-incident-new');
    await form.getByRole('button', { name: 'Publish incident' }).click();

    // --- the incident: an update, a correction ---
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments are failing for some customers');
    await expect(page.getByText('Incident published', { exact: true })).toBeVisible();
    const post = page.getByRole('form', { name: 'Post an update' });
    await expect(post.getByLabel('Status')).toHaveValue('IDENTIFIED');
    await post.getByLabel('Message').fill('A payment provider is timing out.\nWe are switching to the fallback.');
    await post.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByText('Update posted', { exact: true })).toBeVisible();
    const updates = page.getByTestId('managed-update');
    await expect(updates).toHaveCount(2);
    await expect(updates.first()).toContainText('A payment provider is timing out.');
    await updates.last().getByRole('button', { name: /^Correct message of the investigating update/ }).click();
    const correction = page.getByRole('form', { name: 'Correct this update' });
    await expect(correction.getByLabel('Message')).toBeFocused();
    await correction.getByLabel('Message').fill('Some card payments fail at checkout.\nWe are looking into it with our provider.');
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await expect(updates.last()).toContainText('with our provider');
    await expect(updates.last()).toContainText('edited');
    await checkBothWidths(page, testInfo, 'status-incident');

    await page.getByRole('link', { name: '← Incidents' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incidents');
    await expect(page.getByTestId('open-status-incident')).toContainText('Identified');
    await checkBothWidths(page, testInfo, 'status-incidents');

    // --- a visitor, no login ---
    const visitorContext = await watchedContext(browser, problemsHub);
    const visitor = await visitorContext.newPage();
    problems.watchPage(visitor, isServerUrl);
    await visitor.goto(`http://${org.slug}.localhost:${port}/`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of SI');
    const active = visitor.getByRole('region', { name: 'Active incidents' });
    const told = active.getByRole('article', { name: 'Payments are failing for some customers' });
    await expect(told).toBeVisible();
    await expect(told.getByTestId('incident-status')).toHaveText('Identified');
    const timeline = told.getByTestId('incident-update');
    await expect(timeline).toHaveCount(2);
    await expect(timeline.first()).toContainText('Identified');
    await expect(timeline.first()).toContainText('A payment provider is timing out.');
    await expect(timeline.last()).toContainText('with our provider');
    await expect(visitor.getByTestId('overall-status')).toHaveText('Partial outage');
    const paymentsRow = visitor.getByTestId('status-component').filter({ hasText: 'Payments' });
    await expect(paymentsRow.getByTestId('component-status')).toHaveText('Partial outage');
    // Today's bar names the incident.
    await paymentsRow.getByTestId('uptime-bar').last().focus();
    await expect(paymentsRow.getByTestId('uptime-tip-incidents')).toHaveText('Payments are failing for some customers');
    await visitor.keyboard.press('Escape');
    await checkBothWidths(visitor, testInfo, 'status-page-public-incident');
    await visitor.emulateMedia({ colorScheme: 'dark' });
    await checkPage(visitor, testInfo, 'status-page-public-incident-dark');
    await visitor.emulateMedia({ colorScheme: 'light' });

    // --- resolved: out of the active list, into the history ---
    await page.getByTestId('open-status-incident').getByRole('link', { name: 'Payments are failing for some customers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments are failing for some customers');
    await post.getByLabel('Status').selectOption('RESOLVED');
    await post.getByLabel('Message').fill('Payments work again.');
    await post.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByTestId('incident-state')).toHaveText('Resolved');
    await visitor.reload();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of SI');
    await expect(visitor.getByRole('region', { name: 'Active incidents' })).toHaveCount(0);
    const past = visitor.getByTestId('past-incident');
    await expect(past).toHaveCount(1);
    await expect(past).toContainText('Payments are failing for some customers');
    await past.getByText('Show all 3 updates').click();
    await expect(past.getByTestId('incident-update').first()).toContainText('Payments work again.');
    await checkBothWidths(visitor, testInfo, 'status-page-public-history');
    await visitorContext.close();
    await ownerContext.close();
  } finally {
    await api.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
