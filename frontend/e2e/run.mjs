#!/usr/bin/env node
// End-to-end smoke test of the built frontend as served by the Beacon server.
//
//   BEACON_URL=http://127.0.0.1:8080 npm run e2e
//
// Uses playwright-core with a system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// Fails on any failed check, console error, uncaught page error or CSP violation.
// Screenshots go to frontend/e2e-artifacts/. Last line: "N passed, M failed".
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.resolve(here, '..', 'e2e-artifacts');
const baseUrl = (process.env.BEACON_URL ?? '').replace(/\/+$/, '');
const timeout = Number(process.env.E2E_TIMEOUT_MS ?? 15_000);

if (!/^https?:\/\/[^/]+$/.test(baseUrl)) {
  console.error('e2e: set BEACON_URL to the server origin, e.g. BEACON_URL=http://127.0.0.1:8080');
  console.log('0 passed, 1 failed');
  process.exit(2);
}

mkdirSync(artifacts, { recursive: true });
const userDataDir = mkdtempSync(path.join(tmpdir(), 'beacon-e2e-chromium-'));

/** Problems seen in the browser (console errors, page errors, CSP violations). */
const problems = [];
let currentCheck = 'setup';
const results = [];

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, fn) {
  currentCheck = name;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
} catch (error) {
  console.error(`e2e: could not launch Chromium: ${error instanceof Error ? error.message : String(error)}`);
  rmSync(userDataDir, { recursive: true, force: true });
  console.log('0 passed, 1 failed');
  process.exit(2);
}
context.setDefaultTimeout(timeout);

// CSP violations are reported from inside the page; forward them to this process.
await context.exposeBinding('__beaconReportCsp', (_source, violation) => {
  problems.push({ check: currentCheck, kind: 'csp', text: violation });
});
await context.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`;
    // Binding injected by this runner via exposeBinding.
    void window.__beaconReportCsp(report);
  });
});

const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (msg) => {
  if (msg.type() === 'error') {
    const loc = msg.location();
    problems.push({ check: currentCheck, kind: 'console', text: `${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}` });
  }
});
page.on('pageerror', (error) => problems.push({ check: currentCheck, kind: 'pageerror', text: error.message }));
page.on('response', (response) => {
  if (response.status() >= 400 && response.url().startsWith(baseUrl)) {
    problems.push({ check: currentCheck, kind: 'http', text: `${response.status()} ${response.request().method()} ${response.url()}` });
  }
});

async function goto(pathname) {
  const response = await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'load' });
  assert(response, `no response for ${pathname}`);
  assert(response.status() === 200, `GET ${pathname} returned HTTP ${response.status()}`);
  return response;
}

async function screenshot(name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

try {
  await check('home page shows server info', async () => {
    await goto('/');
    await page.getByRole('heading', { level: 1, name: 'Beacon' }).waitFor();
    await page.getByText(/Server version\s*\S/).waitFor();
    const version = (await page.getByTestId('server-version').innerText()).trim();
    const apiVersion = (await page.getByTestId('api-version').innerText()).trim();
    assert(version.length > 0, 'server version is empty');
    assert(apiVersion.length > 0, 'API version is empty');
    assert(await page.getByText(`API version ${apiVersion}`).isVisible(), 'API version row is not visible');
    assert((await page.getByRole('alert').count()) === 0, 'an error alert is shown');
    console.log(`  server version ${version}, API version ${apiVersion}`);
    await screenshot('home');
  });

  await check('deep client route falls back to the SPA shell', async () => {
    const route = '/app/some/deep/route';
    const response = await goto(route);
    const type = response.headers()['content-type'] ?? '';
    assert(type.includes('text/html'), `fallback served ${type || 'no content-type'} instead of HTML`);
    await page.getByRole('link', { name: 'Beacon' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    assert(await page.getByText(route).isVisible(), 'not-found page does not show the requested path');
    await screenshot('spa-fallback');
    // Client-side navigation back to the overview works without a reload.
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await page.getByTestId('server-version').waitFor();
    assert(new URL(page.url()).pathname === '/', `expected to land on /, got ${page.url()}`);
  });

  await check('GraphiQL renders and runs a query', async () => {
    await goto('/graphiql');
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    // The headers editor (for `Authorization: Bearer …`) is available.
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator('.graphiql-editor-tool .CodeMirror').last().waitFor();
    // Settings dialog uses Radix + react-remove-scroll (style injection) — must stay CSP-clean.
    await page.getByRole('button', { name: 'Open settings dialog' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Run the default ServerInfo query through /graphql.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"apiVersion"').waitFor();
    await screenshot('graphiql');
  });

  await check('no console errors, page errors or CSP violations', async () => {
    // Give late reports (fonts, lazy chunks) a moment to arrive.
    await page.waitForTimeout(500);
    if (problems.length > 0) {
      for (const p of problems) console.log(`  [${p.check}] ${p.kind}: ${p.text}`);
      throw new Error(`${problems.length} problem(s) reported by the browser`);
    }
  });
} finally {
  await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${artifacts}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
