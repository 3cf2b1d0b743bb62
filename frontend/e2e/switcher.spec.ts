import { request as apiRequest } from '@playwright/test';
import { account, graphql, logIn } from './support/api.ts';
import { BEACON_URL, RUN_ID } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { waitForMailLink } from './support/mail.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Someone in two organizations: the login offers both as cards, and the organization switcher
 * takes them to the other organization's own host to log in there.
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
  await graphql(request, `mutation ($token: String!) { verifyEmail(token: $token) }`, { token: verify.searchParams.get('token') });
  const token = await logIn(request, owner, slug);
  const viewer = org.accounts.VIEWER;
  // The viewer already has an invitation mail (from the fixture organization): wait for the new one.
  const invitedAt = Date.now();
  await graphql(request, `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { email: viewer.email, role: 'MEMBER' } }, token);
  const invitation = await waitForMailLink(viewer.email, '/accept-invitation', { since: invitedAt });
  await graphql(request, `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { role } }`, {
    input: { token: invitation.searchParams.get('token'), password: viewer.password },
  });
  await request.dispose();

  // The login on the apex offers both organizations as a choice.
  await page.goto('/login');
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

  // The switcher offers the other organization, on its own host, with the email filled in.
  await sidebar.getByRole('button', { name: /switch organization/ }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: /current/ })).toContainText(name);
  await menu.getByRole('menuitem', { name: new RegExp(org.name) }).click();
  const port = new URL(BEACON_URL).port;
  await expect(page).toHaveURL(`http://${org.slug}.localhost:${port}/login?email=${encodeURIComponent(viewer.email)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Log in to ${org.slug}`);
  await expect(page.getByLabel('Email')).toHaveValue(viewer.email);
  await page.getByLabel('Password', { exact: true }).fill(viewer.password);
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(`http://${org.slug}.localhost:${port}/app`);
  await expect(page.getByRole('complementary', { name: 'Sidebar' }).getByTestId('current-organization')).toHaveText(org.name);
});
