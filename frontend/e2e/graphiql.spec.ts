import { expect, test } from './support/fixtures.ts';
import { checkPage } from './support/page-checks.ts';

/** GraphiQL on Beacon's origin: the signed-in session, the schema in Docs, a pasted key wins. */
test('GraphiQL uses the signed-in session and loads the schema into Docs', async ({ pageAs, org }, testInfo) => {
  const page = await pageAs('OWNER');
  await page.goto('/graphiql');
  await expect(page.locator('.graphiql-container')).toBeVisible();
  await expect(page.getByTestId('explorer-session')).toContainText(`in ${org.name} (owner): requests use your session`);
  await expect(page.getByRole('link', { name: '← Back to Beacon' })).toHaveAttribute('href', '/app');

  // The Settings dialog uses Radix + react-remove-scroll (style injection): it must stay CSP-clean.
  await page.getByRole('button', { name: 'Open settings dialog' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A query that needs a session runs with it, without any header typed in.
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.click();
  await page.keyboard.press('Control+A');
  // Named like the default document: GraphiQL may send the operation name it parsed last.
  await page.keyboard.type('query WhoAmI { me { user { email } role } }');
  await page.locator('.graphiql-execute-button').click();
  await expect(page.locator('.graphiql-response')).toContainText(org.accounts.OWNER.email);

  await checkPage(page, testInfo, 'graphiql');

  // Docs shows the schema (introspection through the session). The introspection answer is
  // attached, so a refusal by the server (e.g. its depth limit) is plain in the report.
  const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('IntrospectionQuery'));
  await page.reload();
  const introspectionBody = await (await introspection).text();
  await testInfo.attach('introspection-response.json', { body: introspectionBody, contentType: 'application/json' });
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  const docs = page.locator('.graphiql-doc-explorer');
  await expect(docs).toBeVisible();
  await expect(docs, `Docs could not load the schema; the server answered the introspection query with ${introspectionBody.slice(0, 300)}`).not.toContainText(
    'Error fetching schema',
  );
  await expect(docs.getByText('Query', { exact: true }).first()).toBeVisible();
});

test('GraphiQL on a phone: no sideways scrolling, no serious axe violation', async ({ pageAs }, testInfo) => {
  const page = await pageAs('OWNER');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/graphiql');
  await expect(page.locator('.graphiql-container')).toBeVisible();
  await expect(page.getByTestId('explorer-session')).toContainText('requests use your session');
  await checkPage(page, testInfo, 'graphiql');
});

test('GraphiQL: a pasted Authorization header wins over the session', async ({ pageAs, problems }) => {
  const page = await pageAs('OWNER');
  // The server refuses the made-up key: that refusal is the point of this test.
  problems.expectHttpError((url, status) => url.endsWith('/graphql') && status === 401);
  await page.goto('/graphiql');
  await expect(page.getByTestId('explorer-session')).toContainText('requests use your session');
  await page.getByRole('button', { name: 'Headers' }).click();
  const headers = page.locator('.graphiql-editor-tool .CodeMirror').last();
  await headers.click();
  await page.keyboard.type('{ "Authorization": "Bearer bk_not_a_real_key" }');
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('query { me { role } }');
  await page.locator('.graphiql-execute-button').click();
  // The bogus key is used (and refused), not the signed-in session.
  await expect(page.locator('.graphiql-response')).toContainText('"errors"');
  await expect(page.locator('.graphiql-response')).not.toContainText('"OWNER"');
});
