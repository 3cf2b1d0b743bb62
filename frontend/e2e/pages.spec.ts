import { request as apiRequest } from '@playwright/test';
import { graphql, logIn, type Organization } from './support/api.ts';
import { BEACON_URL, VIEWPORTS, type ViewportName } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { waitForMailLink } from './support/mail.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Every page at desktop (1280×800) and phone (390×844) width: a screenshot, no horizontal
 * overflow, and no serious or critical axe-core violation — as a visitor, an owner and a member.
 */
const port = new URL(BEACON_URL).port;

/** A status page of the fixture organization at `/sweep` (not its main page), made once, for its incident screens. */
async function sweepPageId(org: Organization): Promise<string> {
  const api = await apiRequest.newContext();
  try {
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const { statusPages } = await graphql<{ statusPages: { id: string; slug: string }[] }>(api, `{ statusPages { id slug } }`, {}, token);
    const existing = statusPages.find((p) => p.slug === 'sweep');
    if (existing) return existing.id;
    const created = await graphql<{ createStatusPage: { id: string } }>(
      api,
      `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }`,
      { input: { title: 'Sweep status', slug: 'sweep' } },
      token,
    );
    return created.createStatusPage.id;
  } finally {
    await api.dispose();
  }
}

for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
  test.describe(`${viewport} ${VIEWPORTS[viewport].width}px`, () => {
    test('public pages', async ({ anonymousPage: page }, testInfo) => {
      await page.setViewportSize(VIEWPORTS[viewport]);
      const pages: [string, string, string | RegExp][] = [
        ['landing', '/', /Know your services are down/],
        ['signup', '/signup', 'Create your organization'],
        ['login', '/login', 'Log in'],
        ['forgot-password', '/forgot-password', 'Forgot your password?'],
        ['reset-password', '/reset-password?token=not-a-real-token', 'Choose a new password'],
        ['verify-email-no-token', '/verify-email', 'Verify your email'],
        ['accept-invitation-invalid', '/accept-invitation?token=not-a-real-token', 'This invitation can’t be used'],
        ['subscription-confirm-no-token', '/subscriptions/confirm', 'This link is incomplete'],
        ['unsubscribe-unknown', '/unsubscribe/not-a-real-token', 'You’re already unsubscribed'],
        ['not-found', '/no/such/page', 'Page not found'],
      ];
      for (const [name, path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await checkPage(page, testInfo, name);
      }
      // The sign-up form's own validation, with its messages showing.
      await page.goto('/signup');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByLabel('Your name')).toBeFocused();
      await checkPage(page, testInfo, 'signup-errors');
    });

    test('an organization’s own host shows its login, naming it', async ({ anonymousPage: page, org }, testInfo) => {
      await page.setViewportSize(VIEWPORTS[viewport]);
      await page.goto(`http://${org.slug}.localhost:${port}/`);
      await expect(page).toHaveURL(`http://${org.slug}.localhost:${port}/login`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Log in to ${org.name}`);
      await expect(page.getByRole('main')).toContainText(`The organization at ${org.slug}.localhost.`);
      await checkPage(page, testInfo, 'tenant-login');

      // A host shaped like an organization's where none lives says so, and where to go.
      await page.goto(`http://nobody-${viewport}-${org.slug}.localhost:${port}/`);
      await expect(page).toHaveURL(`http://nobody-${viewport}-${org.slug}.localhost:${port}/login`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('No organization here');
      await expect(page.getByRole('link', { name: 'Log in on localhost' })).toHaveAttribute('href', `http://localhost:${port}/login`);
      await checkPage(page, testInfo, 'tenant-unknown');
    });

    test('an invitation link shows who invites, to which organization and role, before accepting', async ({ pageAs, anonymousPage, org }, testInfo) => {
      // The owner invites a new address from the team page; the link is read from the mail.
      const owner = await pageAs('OWNER');
      const email = `pages-invitee-${viewport}-${org.slug}@example-test.io`;
      await owner.goto('/app/team');
      const form = owner.getByRole('form', { name: 'Invite someone' });
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Role').selectOption('VIEWER');
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await expect(owner.getByText(`Invitation sent to ${email} as viewer.`)).toBeVisible();
      const link = await waitForMailLink(email, '/accept-invitation');

      const page = anonymousPage;
      await page.setViewportSize(VIEWPORTS[viewport]);
      await page.goto(link.toString());
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Join ${org.name}`);
      await expect(page.getByTestId('invitation-headline')).toHaveText(`${org.accounts.OWNER.name} invited you to join ${org.name} as viewer.`);
      await expect(page.getByRole('form', { name: 'Create your account and join' })).toBeVisible();
      await checkPage(page, testInfo, 'accept-invitation');
      // Its own validation, with messages showing.
      await page.getByRole('button', { name: 'Create account and join' }).click();
      await expect(page.getByLabel('Your name')).toBeFocused();
      await checkPage(page, testInfo, 'accept-invitation-errors');
    });

    test('signed-in pages as an owner', async ({ pageAs, org }, testInfo) => {
      // Fourteen pages with axe each, on a two-core machine.
      test.setTimeout(180_000);
      const page = await pageAs('OWNER');
      await page.setViewportSize(VIEWPORTS[viewport]);
      const statusPageId = await sweepPageId(org);
      const pages: [string, string, string | RegExp][] = [
        ['home', '/app', /^Welcome, /],
        ['incidents', '/app/incidents', 'Incidents'],
        ['maintenance', '/app/maintenance', 'Maintenance'],
        ['maintenance-new', '/app/maintenance/new', 'Schedule maintenance'],
        ['monitor-edit-missing', '/app/monitors/00000000-0000-7000-8000-000000000000/edit', 'Edit monitor'],
        ['team', '/app/team', 'Team'],
        ['status-pages-list', '/app/status-pages', 'Status pages'],
        ['status-pages-create', '/app/status-pages/new', 'Create status page'],
        ['status-page-incidents-empty', `/app/status-pages/${statusPageId}/incidents`, 'Incidents'],
        ['status-page-incident-new', `/app/status-pages/${statusPageId}/incidents/new`, 'New incident'],
        ['api-keys', '/app/api-keys', 'API keys'],
        ['audit', '/app/audit', 'Audit log'],
        ['account', '/app/account', 'Account'],
        ['app-not-found', '/app/nowhere', 'Page not found'],
      ];
      for (const [name, path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await checkPage(page, testInfo, name);
      }
      // A confirmation dialog over the team page.
      await page.goto('/app/team');
      await page.getByRole('button', { name: /^Remove .*admin/i }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checkPage(page, testInfo, 'team-confirm-remove');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('alertdialog')).toBeHidden();
    });

    test('signed-in pages as a member', async ({ pageAs }, testInfo) => {
      const page = await pageAs('MEMBER');
      await page.setViewportSize(VIEWPORTS[viewport]);
      await page.goto('/app');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome, /);
      await checkPage(page, testInfo, 'member-home');
      await page.goto('/app/team');
      await expect(page.getByText('Only owners and admins can invite people and change roles.')).toBeVisible();
      await checkPage(page, testInfo, 'member-team');
      await page.goto('/app/audit');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You don’t have access to this page');
      await checkPage(page, testInfo, 'member-no-access');
      await page.goto('/app/incidents');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incidents');
      await checkPage(page, testInfo, 'member-incidents');
      await page.goto('/app/maintenance');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maintenance');
      await checkPage(page, testInfo, 'member-maintenance');
    });
  });
}

test('phone: the navigation is a menu that opens, shows where you are and closes', async ({ pageAs }, testInfo) => {
  const page = await pageAs('ADMIN');
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto('/app/team');
  await expect(page.getByRole('complementary', { name: 'Sidebar' })).toBeHidden();
  const open = page.getByRole('button', { name: 'Open menu' });
  await open.click();
  const menu = page.getByRole('dialog', { name: 'Menu' });
  await expect(menu.getByRole('link', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'API keys' })).toBeVisible();
  await checkPage(page, testInfo, 'phone-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(open).toBeFocused();
  await open.click();
  await menu.getByRole('link', { name: 'Audit log' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeFocused();
});

test('desktop: the organization switcher of someone in one organization says there is no other', async ({ pageAs, org }, testInfo) => {
  const page = await pageAs('ADMIN');
  await page.goto('/app');
  const trigger = page.getByRole('complementary', { name: 'Sidebar' }).getByRole('button', { name: new RegExp(`Organization: ${org.name}\\s*Admin\\s*, switch organization`) });
  await trigger.click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /current/ })).toContainText(org.name);
  await expect(menu.getByText('You belong to no other organization.')).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveCount(1);
  await checkPage(page, testInfo, 'switcher-one-organization');
  await page.keyboard.press('Escape');
  await expect(trigger).toBeFocused();
});

test('dark mode (prefers-color-scheme) keeps contrast and layout', async ({ pageAs, anonymousPage }, testInfo) => {
  await anonymousPage.emulateMedia({ colorScheme: 'dark' });
  await anonymousPage.goto('/');
  await checkPage(anonymousPage, testInfo, 'dark-landing');
  await anonymousPage.goto('/signup');
  await anonymousPage.getByRole('button', { name: 'Create account' }).click();
  await checkPage(anonymousPage, testInfo, 'dark-signup-errors');

  const page = await pageAs('OWNER');
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [name, path] of [
    ['dark-home', '/app'],
    ['dark-team', '/app/team'],
    ['dark-audit', '/app/audit'],
    ['dark-incidents', '/app/incidents'],
    ['dark-maintenance-new', '/app/maintenance/new'],
  ] as const) {
    await page.goto(path);
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto('/app/api-keys');
  await checkPage(page, testInfo, 'dark-api-keys');
  await page.emulateMedia({ colorScheme: 'light' });
});
