import { request as apiRequest } from '@playwright/test';
import { account, graphql, logIn } from './support/api.ts';
import { BEACON_URL, RUN_ID } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { waitForMailLink } from './support/mail.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Someone in two organizations: an invitation to an existing account is accepted with its
 * password only, the login offers both organizations as cards, and the organization switcher
 * lists both (the server's `myOrganizations`) and takes them to the other one's own host to log
 * in there.
 */
test('a member of two organizations picks one at login, then switches to the other', async ({ anonymousPage: page, org }, testInfo) => {
  // A second organization, which invites the fixture organization's viewer (an existing account).
  const request = await apiRequest.newContext();
  const owner = account('switch-owner');
  const slug = `switch-${RUN_ID}`;
  const name = `Switch Org ${RUN_ID}`;
  await graphql(request, `mutation ($input: SignUpInput!) { signUp(input: $input) { tenantHost } }`, {
    input: { email: owner.email, password: owner.password, name: owner.name, tenantName: name, tenantSlug: slug },
  });
  const verify = await waitForMailLink(owner.email, '/verify-email');
  await graphql(request, `mutation ($token: String!) { verifyEmail(token: $token) { verified } }`, { token: verify.searchParams.get('token') });
  const token = await logIn(request, owner, slug);
  const viewer = org.accounts.VIEWER;
  // The viewer already has an invitation mail (from the fixture organization): wait for the new one.
  const invitedAt = Date.now();
  await graphql(request, `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { email: viewer.email, role: 'MEMBER' } }, token);
  const invitation = await waitForMailLink(viewer.email, '/accept-invitation', { since: invitedAt });
  await request.dispose();

  // The invitation names inviter, organization and role, and knows the address has an account:
  // its password is all it asks.
  await page.goto(invitation.toString());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Join ${name}`);
  await expect(page.getByTestId('invitation-headline')).toHaveText(`${owner.name} invited you to join ${name} as member.`);
  await expect(page.getByTestId('invitation-flow')).toContainText(`${viewer.email} already has a Beacon account.`);
  await expect(page.getByLabel('Your name')).toHaveCount(0);
  await checkPage(page, testInfo, 'accept-invitation-existing-account');
  await page.getByLabel('Your Beacon password').fill(viewer.password);
  await page.getByRole('button', { name: `Join ${name}` }).click();
  await expect(page.getByTestId('invitation-accepted')).toHaveText(`You joined ${name} as member.`);

  // The login on the apex offers both organizations as a choice.
  await page.goto(`${BEACON_URL}/login`);
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password', { exact: true }).fill(viewer.password);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  const picker = page.getByRole('region', { name: 'Choose an organization' });
  await expect(picker.getByRole('listitem')).toHaveCount(2);
  await expect(picker.getByRole('button', { name: new RegExp(name) })).toContainText(`${slug}.localhost · Member`);
  await expect(picker.getByRole('listitem').first().getByRole('button')).toBeFocused();
  await checkPage(page, testInfo, 'login-choose-organization');
  await picker.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(`${BEACON_URL}/app`);
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  await expect(sidebar.getByTestId('current-organization')).toHaveText(name);

  // The switcher lists both organizations: this one, and the other on its own host.
  await sidebar.getByRole('button', { name: /switch organization/ }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(2);
  await expect(menu.getByRole('menuitem', { name: /current/ })).toContainText(name);
  await expect(menu.getByRole('menuitem', { name: new RegExp(org.name) })).toContainText(`${org.slug}.localhost · Viewer`);
  await checkPage(page, testInfo, 'switcher-two-organizations');
  await menu.getByRole('menuitem', { name: new RegExp(org.name) }).click();
  const port = new URL(BEACON_URL).port;
  await expect(page).toHaveURL(`http://${org.slug}.localhost:${port}/login?email=${encodeURIComponent(viewer.email)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Log in to ${org.name}`);
  await expect(page.getByLabel('Email')).toHaveValue(viewer.email);
  await page.getByLabel('Password', { exact: true }).fill(viewer.password);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(`http://${org.slug}.localhost:${port}/app`);
  const tenantSidebar = page.getByRole('complementary', { name: 'Sidebar' });
  await expect(tenantSidebar.getByTestId('current-organization')).toHaveText(org.name);

  // Logged in on the organization's host (no choice was offered there), the switcher still
  // lists both: the list comes from the server, not from an earlier login.
  await tenantSidebar.getByRole('button', { name: /switch organization/ }).click();
  const tenantMenu = page.getByRole('menu');
  await expect(tenantMenu.getByRole('menuitem')).toHaveCount(2);
  await expect(tenantMenu.getByRole('menuitem', { name: /current/ })).toContainText(org.name);
  await expect(tenantMenu.getByRole('menuitem', { name: new RegExp(name) })).toContainText(`${slug}.localhost · Member`);
  await page.keyboard.press('Escape');
});
