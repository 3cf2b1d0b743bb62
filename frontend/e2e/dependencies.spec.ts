import { request as apiRequest } from '@playwright/test';
import { createOrganization, graphql, logIn } from './support/api.ts';
import { VIEWPORTS } from './support/env.ts';
import { expect, isServerUrl, logInThroughUi, test, watchedContext } from './support/fixtures.ts';
import { checkBothWidths } from './support/page-checks.ts';

/**
 * Monitor dependencies in the browser, in a fresh organization (so its dependency graph starts
 * empty): two monitors made over the API, "Web depends on API" set through the monitor page's
 * picker, seen on both monitors' pages and on the graph screen (a node per monitor, parents
 * above, each a link), then "API depends on Web" is refused as a cycle with the server's message
 * next to the picker. The empty and the drawn graph screens get the page checks (axe, overflow,
 * screenshot) at 1280 and 390 px.
 */
test('monitor dependencies: set one through the picker, see it on both pages and the graph, and a cycle is refused', async ({ browser, problems, problemsHub }, testInfo) => {
  test.setTimeout(180_000);
  const api = await apiRequest.newContext();
  try {
    const org = await createOrganization(api, 'deps');
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const create = async (name: string) =>
      (
        await graphql<{ createMonitor: { id: string } }>(
          api,
          `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
          { input: { name, heartbeat: { graceSeconds: 3600 }, intervalSeconds: 3600 } },
          token,
        )
      ).createMonitor.id;
    const apiId = await create('Deps API');
    const webId = await create('Deps Web');

    const context = await watchedContext(browser, problemsHub);
    const page = await context.newPage();
    problems.watchPage(page, isServerUrl);
    await logInThroughUi(page, org.accounts.OWNER, org.name);

    // --- no dependency yet: the graph screen explains them, reached from the monitors header ---
    await page.goto('/app/monitors');
    await page.getByRole('main').getByRole('link', { name: 'Dependencies', exact: true }).click();
    await expect(page).toHaveURL(/\/app\/monitors\/dependencies$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dependencies');
    await expect(page.getByText('No dependencies yet.')).toBeVisible();
    await expect(page.getByText(/open a monitor, find “Dependencies”/)).toBeVisible();
    await checkBothWidths(page, testInfo, 'dependencies-empty');

    // --- Web depends on API, chosen in the shared picker (which leaves Web itself out) ---
    await page.goto(`/app/monitors/${webId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deps Web');
    const section = page.getByRole('region', { name: 'Dependencies' });
    await expect(section.getByText('Depends on no monitor.')).toBeVisible();
    await section.getByRole('button', { name: 'Edit what Deps Web depends on' }).click();
    const dialog = page.getByRole('dialog', { name: 'What Deps Web depends on' });
    await dialog.getByLabel('Search monitors').fill('Deps');
    await expect(dialog.getByTestId('dependency-option')).toHaveCount(1);
    await expect(dialog.getByRole('checkbox', { name: /Deps Web/ })).toHaveCount(0);
    await dialog.getByRole('checkbox', { name: /Deps API/ }).check();
    await expect(dialog.getByRole('button', { name: 'Remove Deps API' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Save dependencies' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Dependencies saved', { exact: true })).toBeVisible();
    const dependsOn = section.getByRole('list', { name: 'Monitors Deps Web depends on' });
    await expect(dependsOn.getByRole('link', { name: 'Deps API' })).toHaveAttribute('href', `/app/monitors/${apiId}`);

    // --- API's page lists Web under "Depended on by" ---
    await dependsOn.getByRole('link', { name: 'Deps API' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deps API');
    const apiSection = page.getByRole('region', { name: 'Dependencies' });
    await expect(apiSection.getByRole('list', { name: 'Monitors that depend on Deps API' }).getByRole('link', { name: 'Deps Web' })).toHaveAttribute(
      'href',
      `/app/monitors/${webId}`,
    );

    // --- API depending on Web would close a cycle: the server's message shows beside the picker ---
    await apiSection.getByRole('button', { name: 'Edit what Deps API depends on' }).click();
    const apiDialog = page.getByRole('dialog', { name: 'What Deps API depends on' });
    await apiDialog.getByLabel('Search monitors').fill('Deps Web');
    await apiDialog.getByRole('checkbox', { name: /Deps Web/ }).check();
    await apiDialog.getByRole('button', { name: 'Save dependencies' }).click();
    const error = apiDialog.getByTestId('monitor-picker-error');
    await expect(error).toContainText(/would make a cycle/i);
    await expect(error).toContainText(/Deps API → Deps Web → Deps API|Deps Web → Deps API → Deps Web/);
    await expect(apiDialog.getByRole('group', { name: 'Monitors to depend on' })).toHaveAttribute('aria-invalid', 'true');
    await expect(apiDialog).toBeVisible();
    await apiDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(apiDialog).toBeHidden();
    await expect(apiSection.getByText('Depends on no monitor.')).toBeVisible();

    // --- the graph: API above Web, both links, an arrow between them, and the same in words ---
    await page.goto('/app/monitors/dependencies');
    const drawing = page.getByTestId('dependency-graph');
    const apiNode = drawing.getByRole('link', { name: /^Deps API / });
    const webNode = drawing.getByRole('link', { name: /^Deps Web / });
    await expect(apiNode).toHaveAttribute('href', `/app/monitors/${apiId}`);
    await expect(webNode).toHaveAttribute('href', `/app/monitors/${webId}`);
    await expect(drawing.getByTestId('dependency-edge')).toHaveCount(1);
    const apiBox = await apiNode.boundingBox();
    const webBox = await webNode.boundingBox();
    expect(apiBox && webBox && apiBox.y + apiBox.height <= webBox.y).toBe(true);
    const words = page.getByRole('list', { name: 'Dependencies in words' });
    await expect(words.getByRole('listitem')).toHaveCount(1);
    await expect(words.getByRole('listitem')).toContainText('Deps Web depends on Deps API');
    // Nodes are reachable with the keyboard and open their monitor.
    await apiNode.focus();
    await expect(apiNode).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deps API');
    await page.goBack();
    await expect(drawing).toBeVisible();
    await checkBothWidths(page, testInfo, 'dependencies-graph');

    // Phones read the text first; the drawing is folded below it.
    await page.setViewportSize(VIEWPORTS.phone);
    await expect(words).toBeVisible();
    await expect(drawing).toBeHidden();
    await page.getByText('Show the graph').click();
    await expect(drawing).toBeVisible();
    await page.setViewportSize(VIEWPORTS.desktop);
    await context.close();
  } finally {
    await api.dispose();
  }
});
