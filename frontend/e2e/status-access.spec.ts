import { request as apiRequest } from '@playwright/test';
import { createOrganization, graphql, logIn } from './support/api.ts';
import { BEACON_URL } from './support/env.ts';
import { expect, isServerUrl, logInThroughUi, test, watchedContext } from './support/fixtures.ts';
import { waitForMail } from './support/mail.ts';
import { checkBothWidths } from './support/page-checks.ts';

/**
 * Restricted status pages end to end: an organization (of its own, so the shared fixture
 * organization keeps no main page) has a main page with one component. The owner protects it
 * with a password in the page editor's Access section; an anonymous visitor on the
 * organization's host sees the gate, is refused a wrong password and let in with the right one
 * (and stays in after a reload). The owner then limits the page to an email domain (over the
 * API): the visitor's earlier access ends, and a link mailed to an address at that domain opens
 * the page again, the grant leaving the address bar. The editor, the list, the password gate
 * (also with its error), the email gate and its "check your inbox" state get the page checks
 * (axe, overflow, screenshot) at 1280 and 390 px.
 */
const port = new URL(BEACON_URL).port;

test('an owner puts the main page behind a password; a visitor is let in only with it, then by an emailed link', async ({ browser, problems, problemsHub }, testInfo) => {
  test.setTimeout(240_000);
  const api = await apiRequest.newContext();
  try {
    const org = await createOrganization(api, 'gate');
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const monitor = await graphql<{ createMonitor: { id: string } }>(
      api,
      `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
      { input: { name: 'gate-web', heartbeat: { graceSeconds: 3600 }, intervalSeconds: 3600, failureThreshold: 1 } },
      token,
    );
    const created = await graphql<{ createStatusPage: { id: string } }>(
      api,
      `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }`,
      { input: { title: 'Status of Gate', slug: '', description: 'For our customers only.' } },
      token,
    );
    const pageId = created.createStatusPage.id;
    await graphql(
      api,
      `mutation ($id: ID!, $components: [StatusPageComponentInput!]!) { setStatusPageComponents(id: $id, components: $components) { id } }`,
      { id: pageId, components: [{ monitorId: monitor.createMonitor.id, name: 'Website', group: '' }] },
      token,
    );
    const pagePassword = `gate-password-${org.slug}`;
    const host = `http://${org.slug}.localhost:${port}`;

    // --- the owner protects the page in the editor ---
    const ownerContext = await watchedContext(browser, problemsHub);
    const owner = await ownerContext.newPage();
    problems.watchPage(owner, isServerUrl);
    await logInThroughUi(owner, org.accounts.OWNER, org.name);
    await owner.goto(`/app/status-pages/${pageId}`);
    await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Status of Gate');
    const access = owner.getByRole('region', { name: 'Access' });
    await expect(access.getByRole('radio', { name: /^Public/ })).toBeChecked();
    await access.getByRole('radio', { name: /^Password/ }).check();
    await expect(owner.getByTestId('unsaved-access')).toBeVisible();
    // The form's own check first: a page without a password needs one.
    await access.getByRole('button', { name: 'Save access' }).click();
    await expect(access.getByText('Choose a password for the page.')).toBeVisible();
    const passwordField = access.getByLabel('Password', { exact: true });
    await expect(passwordField).toBeFocused();
    await passwordField.fill(pagePassword);
    await expect(access.getByText('Changing access signs out visitors who were let in before.')).toBeVisible();
    await access.scrollIntoViewIfNeeded();
    await checkBothWidths(owner, testInfo, 'access-editor-password');
    await access.getByRole('button', { name: 'Save access' }).click();
    await expect(owner.getByText('Access saved', { exact: true })).toBeVisible();
    await expect(owner.getByTestId('unsaved-access')).toBeHidden();
    await expect(access.getByLabel('New password')).toHaveAttribute('placeholder', 'Leave empty to keep the current password');

    // The list marks the page private.
    await owner.goto('/app/status-pages');
    const row = owner.getByTestId('status-page-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('private-badge')).toHaveText('Private');

    // --- a visitor, no login, on the organization's host ---
    const visitorContext = await watchedContext(browser, problemsHub);
    const visitor = await visitorContext.newPage();
    problems.watchPage(visitor, isServerUrl);
    await visitor.goto(`${host}/`);
    const gate = visitor.getByTestId('page-gate');
    await expect(gate).toBeVisible();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of Gate');
    await expect(gate).toContainText('This status page is private. Enter its password to view it.');
    // Nothing of the page before the password.
    await expect(visitor.getByTestId('status-component')).toHaveCount(0);
    await expect(visitor.getByRole('button', { name: 'Subscribe to updates' })).toHaveCount(0);
    await checkBothWidths(visitor, testInfo, 'access-gate-password');

    // A wrong password: the message under the field, focus back in it.
    const visitorPassword = gate.getByLabel('Password', { exact: true });
    await visitorPassword.fill('not-the-password');
    await gate.getByRole('button', { name: 'View status page' }).click();
    await expect(gate.getByText('That’s not the password for this page. Check it and try again.')).toBeVisible();
    await expect(visitorPassword).toHaveAttribute('aria-invalid', 'true');
    await expect(visitorPassword).toBeFocused();
    await checkBothWidths(visitor, testInfo, 'access-gate-wrong-password');

    // The right one: the page, its title focused; the grant is kept for this host and page.
    await visitorPassword.fill(pagePassword);
    await visitorPassword.press('Enter');
    await expect(gate).toBeHidden();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of Gate');
    await expect(visitor.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(visitor.getByTestId('status-component')).toHaveCount(1);
    await expect(visitor.getByRole('link', { name: 'RSS' })).toHaveCount(0);
    const kept = await visitor.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('beacon.pageAccess.')));
    expect(kept).toEqual([`beacon.pageAccess.${org.slug}.localhost:${port}/`]);
    await visitor.reload();
    await expect(visitor.getByTestId('status-component')).toHaveCount(1);
    await expect(gate).toHaveCount(0);

    // --- the owner limits the page to an email domain: earlier visitors are signed out ---
    await graphql(
      api,
      `mutation ($pageId: ID!, $input: StatusPageAccessInput!) { setStatusPageAccess(pageId: $pageId, input: $input) { id } }`,
      { pageId, input: { mode: 'EMAIL_DOMAIN', emailDomains: ['example-test.io'] } },
      token,
    );
    await visitor.reload();
    await expect(gate).toBeVisible();
    await expect(gate).toHaveAttribute('data-access', 'EMAIL_DOMAIN');
    await expect(gate.getByRole('status')).toContainText('Your access to this page has ended');
    await checkBothWidths(visitor, testInfo, 'access-gate-email');

    const reader = `reader-${org.slug}@example-test.io`;
    const since = Date.now();
    await gate.getByLabel('Work email').fill(reader);
    await gate.getByRole('button', { name: 'Email me a link' }).click();
    const sent = gate.getByTestId('gate-link-sent');
    await expect(sent.getByRole('heading', { level: 2, name: 'Check your inbox' })).toBeFocused();
    await expect(sent.getByTestId('gate-link-message')).toHaveText(`If ${reader} may view this page, a link to open it is on its way.`);
    await checkBothWidths(visitor, testInfo, 'access-gate-email-sent');

    // The mailed link opens the page; its grant leaves the address bar.
    const mail = await waitForMail(reader, /^Your link to Status of Gate/, { since: since - 1000 });
    const match = /https?:\/\/[^\s"<>]+\?access=[A-Za-z0-9._~%-]+/.exec(mail);
    expect(match, 'the access mail carries a link with ?access=').not.toBeNull();
    const link = new URL(match![0]);
    expect(link.origin).toBe(host);
    await visitor.goto(link.toString());
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Status of Gate');
    await expect(visitor.getByTestId('status-component')).toHaveCount(1);
    await expect(visitor).toHaveURL(`${host}/`);
    await visitorContext.close();
    await ownerContext.close();
  } finally {
    await api.dispose();
  }
});
