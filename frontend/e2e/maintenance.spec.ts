import type { Page, TestInfo } from '@playwright/test';
import { graphql, logIn } from './support/api.ts';
import { VIEWPORTS } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { checkPage } from './support/page-checks.ts';

/**
 * Maintenance windows and monitor editing in the browser: schedule a weekly window for every
 * monitor with a tag and a one-off window for one monitor, see them listed in words, delete one
 * after confirming; edit a monitor's name and tags. Every new screen gets the page checks (axe,
 * overflow, screenshot) at 1280 and 390 px.
 */

async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    await page.setViewportSize(viewport);
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

test('maintenance: schedule weekly (by tag) and one-off (one monitor) windows, list them, delete one', async ({ pageAs, org, request }, testInfo) => {
  test.setTimeout(180_000);
  const token = await logIn(request, org.accounts.OWNER, org.slug);
  const suffix = Date.now().toString(36);
  const monitorName = `Billing API ${suffix}`;
  await graphql(
    request,
    `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
    { input: { name: monitorName, tags: ['billing'], heartbeat: { graceSeconds: 300 }, intervalSeconds: 3600 } },
    token,
  );

  const page = await pageAs('OWNER');
  await page.goto('/app');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Maintenance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maintenance');
  await page.getByRole('main').getByRole('link', { name: 'Schedule maintenance' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schedule maintenance');
  const form = page.getByRole('form', { name: 'Schedule maintenance' });
  // The time zone starts as the browser's.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(form.getByLabel('Time zone')).toHaveValue(zone);

  // A weekly window for the tag: its own validation first.
  const weekly = `Patch night ${suffix}`;
  await form.getByLabel('Name', { exact: true }).fill(weekly);
  await form.getByRole('radio', { name: /Monitors with a tag/ }).check();
  await form.getByLabel('Tag', { exact: true }).selectOption('billing');
  await form.getByRole('radio', { name: /Every week/ }).check();
  await form.getByRole('button', { name: 'Schedule maintenance' }).click();
  await expect(form.getByRole('checkbox', { name: 'Monday' })).toBeFocused();
  await expect(form.getByText('Choose at least one day.')).toBeVisible();
  await checkBothWidths(page, testInfo, 'maintenance-new-weekly-errors');
  await form.getByRole('checkbox', { name: 'Tuesday' }).check();
  await form.getByRole('checkbox', { name: 'Thursday' }).check();
  await form.getByLabel('Time zone').selectOption('Europe/Berlin');
  await form.getByLabel('Start time').fill('02:30');
  await form.getByLabel('Duration (minutes)').fill('90');
  await form.getByRole('button', { name: 'Schedule maintenance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maintenance');
  const weeklyRow = page.getByTestId('maintenance-row').filter({ hasText: weekly });
  await expect(weeklyRow).toContainText('Every Tuesday and Thursday at 02:30 for 1 h 30 min (Europe/Berlin)');
  await expect(weeklyRow).toContainText('Monitors tagged billing');

  // A one-off window for one monitor, active now.
  const oneOff = `Migration ${suffix}`;
  await page.getByRole('main').getByRole('link', { name: 'Schedule maintenance' }).first().click();
  await form.getByLabel('Name', { exact: true }).fill(oneOff);
  await form.getByRole('radio', { name: /One monitor/ }).check();
  await form.getByLabel('Find a monitor').fill(suffix);
  await expect(form.getByLabel('Monitor', { exact: true }).getByRole('option', { name: monitorName })).toHaveCount(1);
  await form.getByLabel('Monitor', { exact: true }).selectOption({ label: monitorName });
  const start = await page.evaluate(() => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const d = new Date(Date.now() - 5 * 60_000);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await form.getByLabel('Starts').fill(start);
  await checkBothWidths(page, testInfo, 'maintenance-new-once');
  await form.getByRole('button', { name: 'Schedule maintenance' }).click();
  const oneOffRow = page.getByTestId('maintenance-row').filter({ hasText: oneOff });
  await expect(oneOffRow.getByTestId('maintenance-active')).toHaveText('Active now');
  await expect(oneOffRow.getByRole('link', { name: monitorName })).toBeVisible();
  await checkBothWidths(page, testInfo, 'maintenance-list');

  // The monitor it covers says so on its page.
  await oneOffRow.getByRole('link', { name: monitorName }).click();
  await expect(page.getByTestId('maintenance-badge')).toBeVisible();
  await page.goBack();

  // Delete asks first; Escape cancels, confirming deletes.
  await oneOffRow.getByRole('button', { name: `Delete ${oneOff}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete “${oneOff}”?` });
  await expect(dialog).toContainText('The maintenance ends now');
  await checkPage(page, testInfo, 'maintenance-confirm-delete');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(oneOffRow).toHaveCount(1);
  await oneOffRow.getByRole('button', { name: `Delete ${oneOff}` }).click();
  await dialog.getByRole('button', { name: 'Delete window' }).click();
  await expect(oneOffRow).toHaveCount(0);
  await expect(weeklyRow).toHaveCount(1);
});

test('a monitor is edited through the shared form; the kind stays, tags change', async ({ pageAs, org, request }, testInfo) => {
  const token = await logIn(request, org.accounts.OWNER, org.slug);
  const name = `Edit me ${Date.now().toString(36)}`;
  const { createMonitor } = await graphql<{ createMonitor: { id: string } }>(
    request,
    `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
    { input: { name, tags: ['old'], heartbeat: { graceSeconds: 300 }, intervalSeconds: 3600 } },
    token,
  );
  const page = await pageAs('MEMBER');
  await page.goto(`/app/monitors/${createMonitor.id}`);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit monitor');
  const form = page.getByRole('form', { name: 'Edit monitor' });
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(form.getByTestId('monitor-kind')).toContainText('Heartbeat');
  await checkBothWidths(page, testInfo, 'monitor-edit');

  await form.getByLabel('Name', { exact: true }).fill(`${name} v2`);
  await form.getByRole('button', { name: 'Remove tag old' }).click();
  const tags = form.getByLabel('Tags');
  await tags.fill('new');
  await tags.press('Enter');
  await form.getByRole('radio', { name: /On a cron schedule/ }).check();
  await form.getByLabel('Cron expression').fill('0 3 * * 1-5');
  await expect(form.getByText('Every weekday at 03:00.')).toBeVisible();
  await form.getByLabel('Time zone').selectOption('America/New_York');
  await form.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} v2`);
  await expect(page.getByRole('list', { name: 'Tags' })).toHaveText('new');
  await expect(page.getByTestId('monitor-schedule')).toHaveText('Every weekday at 03:00 (America/New_York)');
});
