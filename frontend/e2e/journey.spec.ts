import type { Page } from '@playwright/test';
import { account } from './support/api.ts';
import { BEACON_URL, RUN_ID } from './support/env.ts';
import { expect, isServerUrl, test, watchedContext } from './support/fixtures.ts';
import { waitForMailLink } from './support/mail.ts';
import { SCREENSHOTS } from './support/page-checks.ts';

/**
 * The main journey, one step after another in one browser: sign up → log in too early, ask for a
 * new verification link → verify from it (twice: the second time says already verified) → log in → reload → API key → audit log → invite a member, who accepts on the organization's
 * own host in another browser → sessions → change password → log out → the new password works.
 */
test.describe.configure({ mode: 'serial' });

const owner = { ...account('journey-owner'), tenantName: `Journey Org ${RUN_ID}`, tenantSlug: `journey-${RUN_ID}` };
const invitee = account('journey-invitee');
let page: Page;

async function shot(name: string, target: Page = page) {
  await target.screenshot({ path: `${SCREENSHOTS}/journey-${name}.png`, fullPage: true });
}

let stopWatching: () => void = () => {};

test.beforeAll(async ({ browser, problemsHub }) => {
  page = await (await watchedContext(browser, problemsHub)).newPage();
});

test.afterAll(async () => {
  await page.context().close();
});

test.beforeEach(({ problems }) => {
  stopWatching = problems.watchPage(page, isServerUrl);
});

test.afterEach(() => stopWatching());

test('the landing page says what Beacon is, with the server version', async () => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Know your services are down');
  await expect(page.getByRole('link', { name: 'Create your organization' })).toBeVisible();
  await expect(page.getByTestId('server-version')).not.toBeEmpty();
  await expect(page.getByTestId('api-version')).not.toBeEmpty();
  await expect(page).toHaveTitle('Uptime monitoring and status pages · Beacon');
});

test('an unknown address falls back to the SPA and shows a way home', async () => {
  const response = await page.goto('/some/deep/route');
  expect(response?.headers()['content-type']).toContain('text/html');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('/some/deep/route')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL(`${BEACON_URL}/`);
  await expect(page.getByTestId('server-version')).toBeVisible();
});

test('sign up: the organization address is suggested and repeated', async () => {
  await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your organization' })).toBeFocused();
  // Checked in the browser before anything is sent.
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Your name')).toBeFocused();
  await expect(page.getByLabel('Your name')).toHaveAccessibleDescription('Enter your name.');

  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByLabel('Organization name').fill(owner.tenantName);
  await expect(page.getByLabel('Organization address')).toHaveValue(`journey-org-${RUN_ID}`);
  await expect(page.getByText('.localhost', { exact: true })).toBeVisible();
  await page.getByLabel('Organization address').fill(owner.tenantSlug);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('tenant-host')).toHaveText(`${owner.tenantSlug}.localhost`);
  // The success screen offers a new link too (not used here: the login page's is, below).
  await expect(page.getByRole('button', { name: 'Resend verification email' })).toBeVisible();
  await shot('1-signed-up');
});

let firstVerifyLink: URL;
let resentVerifyLink: URL;

test('logging in before verifying asks to verify the email, and offers a new link', async () => {
  firstVerifyLink = await waitForMailLink(owner.email, '/verify-email');
  await page.goto('/login');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/verify your email first/i);

  const resentAt = Date.now();
  const resend = page.getByRole('button', { name: 'Resend verification email' });
  await resend.click();
  await expect(page.getByTestId('resend-verification-outcome')).toContainText(`If an unverified account exists for ${owner.email}, we sent a new link.`);
  await expect(resend).toBeFocused();
  await shot('1-resend-verification');
  // The new link arrives by mail (sent by a background worker) and differs from the first.
  resentVerifyLink = await waitForMailLink(owner.email, '/verify-email', { since: resentAt });
  expect(resentVerifyLink.searchParams.get('token')).not.toBe(firstVerifyLink.searchParams.get('token'));
});

test('verify the email from the new link; opened again, it says already verified', async () => {
  await page.goto(`${resentVerifyLink.pathname}${resentVerifyLink.search}`);
  await expect(page.getByTestId('verify-outcome')).toHaveText('Your address is verified.');

  await page.goto(`${resentVerifyLink.pathname}${resentVerifyLink.search}`);
  await expect(page.getByTestId('verify-outcome')).toHaveText('This address is already verified — log in.');
  await shot('1-already-verified');
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('log in (a wrong password is named at its field) and land on the home checklist', async () => {
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(`wrong-${owner.password}`);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('Email or password is wrong.')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(`${BEACON_URL}/app`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Journey-owner' })).toBeVisible();
  await expect(page.getByTestId('current-organization').first()).toHaveText(owner.tenantName);
  await expect(page.getByTestId('step-verify-email')).toContainText('(done)');
  await expect(page.getByTestId('step-add-monitor')).toContainText('Coming soon');
  await expect(page.getByTestId('step-api-key')).toContainText('(to do)');
  await shot('2-home');
});

test('stay logged in across a reload (silent refresh)', async () => {
  await page.goto('/app/account');
  await expect(page.getByTestId('account-email')).toHaveText(owner.email);
  await page.reload();
  await expect(page.getByTestId('account-organization')).toContainText(owner.tenantName);
  await expect(page.getByTestId('account-role')).toHaveText('Owner');
  expect(new URL(page.url()).pathname).toBe('/app/account');
  await expect(page).toHaveTitle('Account · Beacon');
});

test('the account page lists this browser among the sessions', async () => {
  const list = page.getByRole('list', { name: 'Active sessions' });
  const current = list.getByTestId('session-row').filter({ hasText: 'This browser' });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(owner.tenantSlug);
  await expect(current.getByRole('button', { name: /end session/i })).toHaveCount(0);
});

test('create an API key: the secret is shown once, leaving asks first, revoking asks first', async () => {
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  await sidebar.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeFocused();
  await expect(sidebar.getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('No API keys yet.')).toBeVisible();

  await page.getByLabel('Key name').fill(`e2e key ${RUN_ID}`);
  await page.getByLabel('Scope').selectOption('READ_WRITE');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const secret = (await page.getByTestId('api-key-secret').innerText()).trim();
  expect(secret.startsWith('bk_')).toBe(true);
  await expect(page.getByText(/will not be shown again/i)).toBeVisible();
  await expect(page.getByLabel('Key name')).toHaveValue('');
  await expect(page.getByText('API key created', { exact: true })).toBeVisible();
  const row = page.getByTestId('api-key-row').filter({ hasText: `e2e key ${RUN_ID}` });
  await expect(row.getByText('Active')).toBeVisible();
  expect(await row.innerText()).not.toContain(secret);
  await shot('3-api-key');

  // Leaving while the secret is unsaved asks first.
  await sidebar.getByRole('link', { name: 'Team' }).click();
  const leave = page.getByRole('alertdialog', { name: 'Leave without saving the key?' });
  await expect(leave).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(leave).toBeHidden();
  expect(new URL(page.url()).pathname).toBe('/app/api-keys');

  await page.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('api-key-secret')).toHaveCount(0);
  await row.getByRole('button', { name: `Revoke e2e key ${RUN_ID}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Revoke “e2e key ${RUN_ID}”?` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row.getByText('Revoked', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: /revoke/i })).toHaveCount(0);
});

test('the audit log tells the key creation and the login in plain words, filtered by menus', async () => {
  await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect(table.getByText(`You created the API key “e2e key ${RUN_ID}” (read & write).`)).toBeVisible();
  await expect(table.getByText('You logged in.').first()).toBeVisible();
  await expect(table.getByText('api_key.revoked').first()).toBeVisible();

  await page.getByLabel('Action').selectOption('api_key.created');
  await expect(table.getByTestId('audit-action')).toHaveText(['api_key.created']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByText('session.created').first()).toBeVisible();
  await shot('4-audit');
});

test('invite a member from the team page', async () => {
  await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Team' }).click();
  const me = page.getByTestId('member-row').filter({ hasText: owner.email });
  await expect(me.getByRole('combobox')).toHaveValue('OWNER');
  await expect(me.getByRole('combobox')).toBeDisabled();
  await expect(page.getByText('No pending invitations.')).toBeVisible();

  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(invitee.email);
  await form.getByLabel('Role').selectOption('MEMBER');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee.email} as member.`)).toBeVisible();
  const row = page.getByRole('table', { name: 'Pending invitations' }).getByTestId('invitation-row').filter({ hasText: invitee.email });
  await expect(row.getByText('Member', { exact: true })).toBeVisible();
  await shot('5-team');
});

test('the invitee accepts on the organization’s host in another browser, and logs in there', async ({ browser, problems, problemsHub }) => {
  const link = await waitForMailLink(invitee.email, '/accept-invitation');
  expect(link.hostname).toBe(`${owner.tenantSlug}.localhost`);
  const context = await watchedContext(browser, problemsHub);
  const guest = await context.newPage();
  problems.watchPage(guest, isServerUrl);
  await guest.goto(link.toString());
  // Before accepting: who invited whom, to which organization, with which role.
  await expect(guest.getByRole('heading', { level: 1, name: `Join ${owner.tenantName}` })).toBeVisible();
  await expect(guest.getByTestId('invitation-headline')).toHaveText(`${owner.name} invited you to join ${owner.tenantName} as member.`);
  await expect(guest.getByTestId('invitation-email')).toHaveText(invitee.email);
  // A new address: a name and a new password.
  await expect(guest.getByRole('form', { name: 'Create your account and join' })).toBeVisible();
  await expect(guest.getByLabel('Email')).toHaveValue(invitee.email);
  await shot('6-invitation', guest);
  await guest.getByLabel('Your name').fill(invitee.name);
  await guest.getByLabel('Choose a password').fill(invitee.password);
  await guest.getByRole('button', { name: 'Create account and join' }).click();
  await expect(guest.getByTestId('invitation-accepted')).toHaveText(`You joined ${owner.tenantName} as member.`);
  await shot('6-invitation-accepted', guest);

  // The link is used up now: opened again, it says so and what to do.
  await guest.goto(link.toString());
  await expect(guest.getByRole('heading', { level: 1, name: 'This invitation can’t be used' })).toBeVisible();
  await expect(guest.getByRole('main').getByRole('link', { name: 'Log in' })).toBeVisible();

  // The organization's root shows its own login, naming it.
  await guest.goto(link.origin);
  await expect(guest).toHaveURL(`${link.origin}/login`);
  await expect(guest.getByRole('heading', { level: 1, name: `Log in to ${owner.tenantName}` })).toBeVisible();
  await guest.getByLabel('Email').fill(invitee.email);
  await guest.getByLabel('Password', { exact: true }).fill(invitee.password);
  await guest.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(guest).toHaveURL(`${link.origin}/app`);
  const nav = guest.getByRole('complementary', { name: 'Sidebar' }).getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Team' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await guest.goto(`${link.origin}/app/account`);
  await expect(guest.getByTestId('account-email')).toHaveText(invitee.email);
  await expect(guest.getByTestId('account-role')).toHaveText('Member');
  await shot('6-invitee-account', guest);
  await context.close();
});

test('the audit log names the people who acted', async () => {
  await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect(table.getByText(`${invitee.name} joined the organization as member.`)).toBeVisible();
  await expect(table.getByText(`You invited ${invitee.email} as member.`)).toBeVisible();
});

test('change password', async () => {
  await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('link', { name: 'Account' }).click();
  await page.getByLabel('Current password').fill(owner.password);
  await page.getByLabel('New password').fill(`${owner.password}-new`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await expect(page.getByText('Password changed', { exact: true })).toBeVisible();
});

test('log out, and protected pages go to the login', async () => {
  await page.getByRole('main').getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.goto('/app/account');
  await expect(page).toHaveURL(/\/login$/);
});

test('log in with the new password', async () => {
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(`${owner.password}-new`);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  // Back to the page that sent us to the login.
  await expect(page).toHaveURL(`${BEACON_URL}/app/account`);
  await expect(page.getByTestId('account-email')).toHaveText(owner.email);
  await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
});
