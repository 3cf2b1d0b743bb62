#!/usr/bin/env node
// End-to-end smoke test of the built frontend as served by the Beacon server.
//
//   BEACON_URL=http://127.0.0.1:8080 BEACON_MAIL_DIR=/path/to/data/mail npm run e2e
//
// BEACON_MAIL_DIR is where the server writes outgoing mail as .eml files (development mail
// transport); the account journey reads the verification and invitation links from there and
// fails without it. The invitation link points at the organization's own host,
// http://<slug>.<BASE_DOMAIN>:<port>, and is opened as is: with BASE_DOMAIN=localhost (the
// development default) Chromium resolves <slug>.localhost to 127.0.0.1 by itself.
//
// Uses playwright-core with a system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// Fails on any failed check, console error, uncaught page error or CSP violation.
// Screenshots go to frontend/e2e-artifacts/. Last line: "N passed, M failed".
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.resolve(here, '..', 'e2e-artifacts');
const baseUrl = (process.env.BEACON_URL ?? '').replace(/\/+$/, '');
const timeout = Number(process.env.E2E_TIMEOUT_MS ?? 15_000);
const mailDir = process.env.BEACON_MAIL_DIR ?? '';

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

const launchOptions = {
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
};
const viewport = { width: 1280, height: 800 };

let context;
/** A second browser for people other than the journey's user (its cookies are not shared). */
let otherBrowser;
try {
  context = await chromium.launchPersistentContext(userDataDir, { ...launchOptions, viewport });
} catch (error) {
  console.error(`e2e: could not launch Chromium: ${error instanceof Error ? error.message : String(error)}`);
  rmSync(userDataDir, { recursive: true, force: true });
  console.log('0 passed, 1 failed');
  process.exit(2);
}

/** Forwards CSP violations, which are reported from inside the page, to this process. */
async function watchContext(ctx) {
  ctx.setDefaultTimeout(timeout);
  await ctx.exposeBinding('__beaconReportCsp', (_source, violation) => {
    problems.push({ check: currentCheck, kind: 'csp', text: violation });
  });
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`;
      // Binding injected by this runner via exposeBinding.
      void window.__beaconReportCsp(report);
    });
  });
}

/** Records console errors, uncaught page errors and HTTP errors from the server's `origins`. */
function watchPage(pg, origins) {
  pg.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.push({ check: currentCheck, kind: 'console', text: `${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}` });
    }
  });
  pg.on('pageerror', (error) => problems.push({ check: currentCheck, kind: 'pageerror', text: error.message }));
  pg.on('response', (response) => {
    if (response.status() >= 400 && origins.some((origin) => response.url().startsWith(origin))) {
      problems.push({ check: currentCheck, kind: 'http', text: `${response.status()} ${response.request().method()} ${response.url()}` });
    }
  });
}

await watchContext(context);
const page = context.pages()[0] ?? (await context.newPage());
watchPage(page, [baseUrl]);

async function goto(pathname) {
  const response = await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'load' });
  assert(response, `no response for ${pathname}`);
  assert(response.status() === 200, `GET ${pathname} returned HTTP ${response.status()}`);
  return response;
}

async function screenshot(name, target = page) {
  await target.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** Undoes quoted-printable encoding: `=\r\n` soft line breaks and `=XX` escapes such as `=3D`. */
function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** The `To:` header of a decoded message (folded lines joined), lower-cased, or ''. */
function toHeaderOf(text) {
  const headers = text.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  return (/^To:(.*)$/im.exec(headers)?.[1] ?? '').trim().toLowerCase();
}

/**
 * Waits for the newest .eml in BEACON_MAIL_DIR addressed to `recipient` that contains a link to
 * `linkPath` and returns that link's path and query (to open against BEACON_URL), or with
 * `fullUrl` the whole link as mailed. With `toHeader`, `recipient` must be in the To: header.
 */
async function waitForMailLink(recipient, linkPath, { fullUrl = false, toHeader = false } = {}) {
  const linkPattern = new RegExp(`https?://[^\\s"<>]+?(${linkPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\?token=[A-Za-z0-9._~%-]+)`);
  const deadline = Date.now() + timeout;
  for (;;) {
    let files = [];
    try {
      files = readdirSync(mailDir)
        .filter((name) => name.endsWith('.eml'))
        .map((name) => ({ file: path.join(mailDir, name), mtime: statSync(path.join(mailDir, name)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime);
    } catch {
      // The directory appears with the first message.
    }
    for (const { file } of files) {
      const text = decodeQuotedPrintable(readFileSync(file, 'utf8'));
      if (toHeader ? !toHeaderOf(text).includes(recipient.toLowerCase()) : !text.toLowerCase().includes(recipient.toLowerCase())) continue;
      const match = linkPattern.exec(text);
      if (match) {
        console.log(`  link from ${path.basename(file)}`);
        return fullUrl ? match[0] : match[1];
      }
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${recipient} with a ${linkPath} link in ${mailDir} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function pathname() {
  return new URL(page.url()).pathname;
}

async function waitForPath(expected) {
  await page.waitForURL((url) => url.pathname === expected);
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

  // Account journey: sign up → verify email (link from the mail dir) → log in → account page →
  // reload (silent refresh via the HttpOnly cookie) → sessions list → create an API key → audit log → invite a
  // member (who accepts from the mailed link in another browser and logs in) → change password
  // → log out.
  if (!mailDir) {
    await check('account journey', async () => {
      throw new Error('BEACON_MAIL_DIR is not set: point it at the directory the server writes .eml files to (DATA_DIR/mail)');
    });
  } else {
    const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const account = {
      name: 'E2E Tester',
      email: `e2e-${runId}@example.com`,
      password: `first-pass-${runId}`,
      newPassword: `second-pass-${runId}`,
      tenantName: `E2E Org ${runId}`,
      tenantSlug: `e2e-${runId}`,
    };
    const invitee = { name: 'E2E Invitee', email: `invitee-${runId}@example-test.io`, password: `invitee-pass-${runId}` };
    let journeyFailed = false;
    const step = (name, fn) =>
      check(`journey: ${name}`, async () => {
        if (journeyFailed) throw new Error('not run: an earlier journey step failed');
        try {
          await fn();
        } catch (error) {
          journeyFailed = true;
          await screenshot(`journey-failed-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
          throw error;
        }
      });
    const header = () => page.getByRole('banner');
    const main = () => page.getByRole('main');

    await step('sign up', async () => {
      await goto('/signup');
      await header().getByRole('link', { name: 'Sign up' }).waitFor();
      await page.getByLabel('Your name').fill(account.name);
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await page.getByLabel('Organization name').fill(account.tenantName);
      await page.getByLabel('Organization address').fill(account.tenantSlug);
      await page.getByRole('button', { name: 'Create account' }).click();
      const host = (await page.getByTestId('tenant-host').innerText()).trim();
      assert(host.startsWith(`${account.tenantSlug}.`), `tenant host "${host}" does not start with the slug`);
      console.log(`  signed up ${account.email}, organization at ${host}`);
      await screenshot('journey-1-signed-up');
    });

    await step('logging in before verifying asks to verify the email', async () => {
      await goto('/login');
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await main().getByRole('button', { name: 'Log in', exact: true }).click();
      await main().getByRole('alert').getByText(/verify your email first/i).waitFor();
      await screenshot('journey-1b-verify-first');
    });

    await step('verify email from the mailed link', async () => {
      const link = await waitForMailLink(account.email, '/verify-email');
      await goto(link);
      await page.getByText('Your email address is verified.').waitFor();
      await screenshot('journey-2-email-verified');
      await main().getByRole('link', { name: 'Log in' }).click();
      await waitForPath('/login');
    });

    await step('log in and land on the account page', async () => {
      // A wrong password is reported next to the password field.
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(`wrong-${account.password}`);
      await main().getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByText('Email or password is wrong.').waitFor();
      const invalid = await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid');
      assert(invalid === 'true', 'the password field is not marked invalid');
      await screenshot('journey-3a-wrong-password');
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await main().getByRole('button', { name: 'Log in', exact: true }).click();
      await waitForPath('/app/account');
      await page.getByTestId('account-organization').getByText(account.tenantName).waitFor();
      assert((await page.getByTestId('account-email').innerText()).trim() === account.email, 'account page shows another email');
      assert((await page.getByTestId('account-role').innerText()).trim() === 'Owner', 'the sign-up user is not shown as Owner');
      assert((await page.getByTestId('header-organization').innerText()).trim() === account.tenantName, 'header does not show the organization');
      await screenshot('journey-3b-account');
    });

    await step('stay logged in across a reload (silent refresh)', async () => {
      await page.reload({ waitUntil: 'load' });
      await page.getByTestId('account-organization').getByText(account.tenantName).waitFor();
      assert((await pathname()) === '/app/account', `reload ended on ${page.url()}`);
      await header().getByRole('button', { name: 'Log out' }).waitFor();
      await screenshot('journey-4-after-reload');
    });

    await step('the account page lists this browser among the sessions', async () => {
      const list = main().getByRole('list', { name: 'Active sessions' });
      await list.waitFor();
      const rows = list.getByTestId('session-row');
      await rows.first().waitFor();
      const count = await rows.count();
      assert(count >= 1, 'no session is listed');
      const current = rows.filter({ has: page.getByText('This browser', { exact: true }) });
      assert((await current.count()) === 1, `expected one session marked "This browser", got ${await current.count()}`);
      const text = (await current.innerText()).replace(/\s+/g, ' ').trim();
      assert(text.includes(account.tenantSlug), `the current session does not name the organization: "${text}"`);
      assert((await current.getByRole('button', { name: /end session/i }).count()) === 0, 'this browser has an "End session" button');
      console.log(`  ${count} session(s); this browser: ${text}`);
      await screenshot('journey-sessions');
    });

    await step('create an API key and see its secret once', async () => {
      await header().getByRole('link', { name: 'API keys' }).click();
      await waitForPath('/app/api-keys');
      await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
      await page.getByLabel('Key name').fill(`e2e key ${runId}`);
      await page.getByLabel('Scope').selectOption('READ_WRITE');
      await page.getByRole('button', { name: 'Create API key' }).click();
      const secret = (await page.getByTestId('api-key-secret').innerText()).trim();
      assert(secret.startsWith('bk_'), `the secret "${secret.slice(0, 6)}…" does not start with bk_`);
      assert(await page.getByText(/will not be shown again/i).isVisible(), 'no note that the secret is shown once');
      const row = page.getByTestId('api-key-row').filter({ hasText: `e2e key ${runId}` });
      await row.waitFor();
      assert((await row.getByText('Active').count()) === 1, 'the new key is not listed as active');
      assert(!(await row.innerText()).includes(secret), 'the key list shows the secret');
      console.log(`  created API key with prefix ${secret.slice(0, 8)}…`);
      await screenshot('journey-api-key');
      await page.getByRole('button', { name: 'I have saved it' }).click();
      await page.getByTestId('api-key-secret').waitFor({ state: 'detached' });
      // Revoking asks for confirmation, then marks the key revoked.
      await row.getByRole('button', { name: `Revoke e2e key ${runId}` }).click();
      await row.getByRole('button', { name: 'Confirm revoke' }).click();
      await row.getByText('Revoked', { exact: true }).waitFor();
      assert((await row.getByRole('button', { name: /revoke/i }).count()) === 0, 'a revoked key still has a revoke button');
    });

    await step('audit log lists the key creation and the login', async () => {
      await header().getByRole('link', { name: 'Audit log' }).click();
      await waitForPath('/app/audit');
      const table = page.getByRole('table', { name: 'Audit events' });
      await table.getByText('api_key.created', { exact: true }).first().waitFor();
      await table.getByText('session.created', { exact: true }).first().waitFor();
      await table.getByText('api_key.revoked', { exact: true }).first().waitFor();
      // Filtering by action only shows that action.
      await page.getByLabel('Action').fill('api_key.created');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('[data-testid="audit-event-row"] td:nth-child(2)')];
          return cells.length > 0 && cells.every((c) => c.textContent?.trim() === 'api_key.created');
        },
        undefined,
        { timeout },
      );
      await page.getByRole('button', { name: 'Clear' }).click();
      await table.getByText('session.created', { exact: true }).first().waitFor();
      await screenshot('journey-audit');
      await header().getByRole('link', { name: 'Account' }).click();
      await waitForPath('/app/account');
      await page.getByTestId('account-organization').getByText(account.tenantName).waitFor();
    });

    await step('invite a member from the team page', async () => {
      await header().getByRole('link', { name: 'Team' }).click();
      await waitForPath('/app/team');
      await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      const owner = page.getByTestId('member-row').filter({ hasText: account.email });
      await owner.waitFor();
      assert((await owner.getByRole('combobox').inputValue()) === 'OWNER', 'the owner is not listed with role Owner');
      await page.getByText('No pending invitations.').waitFor();
      const form = page.getByRole('form', { name: 'Invite someone' });
      await form.getByLabel('Email').fill(invitee.email);
      await form.getByLabel('Role').selectOption('MEMBER');
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText(`Invitation sent to ${invitee.email} as member.`).waitFor();
      const row = page.getByRole('table', { name: 'Pending invitations' }).getByTestId('invitation-row').filter({ hasText: invitee.email });
      await row.waitFor();
      assert((await row.getByText('Member', { exact: true }).count()) === 1, 'the invitation is not listed with role Member');
      await screenshot('journey-team');
      await header().getByRole('link', { name: 'Account' }).click();
      await waitForPath('/app/account');
      await page.getByTestId('account-organization').getByText(account.tenantName).waitFor();
    });

    // The invitee uses a browser of their own, so nothing of the owner's session can help them.
    let guest;
    await step('accept the invitation from the mailed link in another browser', async () => {
      const link = await waitForMailLink(invitee.email, '/accept-invitation', { fullUrl: true, toHeader: true });
      const linkUrl = new URL(link);
      assert(linkUrl.hostname.startsWith(`${account.tenantSlug}.`), `the invitation link's host ${linkUrl.host} is not the organization's`);
      console.log(`  invitation link on ${linkUrl.origin}`);
      otherBrowser = await chromium.launch(launchOptions);
      const guestContext = await otherBrowser.newContext({ viewport });
      await watchContext(guestContext);
      guest = await guestContext.newPage();
      watchPage(guest, [baseUrl, linkUrl.origin]);
      const response = await guest.goto(link, { waitUntil: 'load' });
      assert(response && response.status() === 200, `GET ${link} returned ${response ? `HTTP ${response.status()}` : 'no response'}`);
      await guest.getByRole('heading', { level: 1, name: 'Join an organization' }).waitFor();
      await guest.getByText(/only if you are new to beacon/i).waitFor();
      await guest.getByLabel('Your name').fill(invitee.name);
      await guest.getByLabel('Password', { exact: true }).fill(invitee.password);
      await guest.getByRole('button', { name: 'Accept invitation' }).click();
      await guest.getByText(`You joined ${account.tenantSlug} as member.`).waitFor();
      await screenshot('journey-invitation-accepted', guest);
    });

    await step('the invitee logs in as a member', async () => {
      assert(guest, 'no invitee browser');
      const response = await guest.goto(`${baseUrl}/login`, { waitUntil: 'load' });
      assert(response && response.status() === 200, `GET /login returned ${response ? `HTTP ${response.status()}` : 'no response'}`);
      const guestMain = guest.getByRole('main');
      await guest.getByLabel('Email').fill(invitee.email);
      await guest.getByLabel('Password', { exact: true }).fill(invitee.password);
      await guestMain.getByRole('button', { name: 'Log in', exact: true }).click();
      await guest.waitForURL((url) => url.pathname === '/app/account');
      await guest.getByTestId('account-organization').getByText(account.tenantName).waitFor();
      assert((await guest.getByTestId('account-email').innerText()).trim() === invitee.email, 'the account page shows another email');
      assert((await guest.getByTestId('account-role').innerText()).trim() === 'Member', 'the invitee is not shown as Member');
      await screenshot('journey-invitee-account', guest);
      await otherBrowser.close();
      otherBrowser = undefined;
    });

    await step('change password', async () => {
      await page.getByLabel('Current password').fill(account.password);
      await page.getByLabel('New password').fill(account.newPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your password has been changed.').waitFor();
      await screenshot('journey-5-password-changed');
    });

    await step('log out', async () => {
      await main().getByRole('button', { name: 'Log out', exact: true }).click();
      await waitForPath('/login');
      await header().getByRole('link', { name: 'Log in' }).waitFor();
      assert((await page.getByTestId('header-organization').count()) === 0, 'header still shows the organization');
      // The refresh cookie is gone: a fresh load of a protected page goes to /login.
      await goto('/app/account');
      await waitForPath('/login');
      await screenshot('journey-6-logged-out');
    });

    await step('log in with the new password', async () => {
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.newPassword);
      await main().getByRole('button', { name: 'Log in', exact: true }).click();
      await waitForPath('/app/account');
      await page.getByTestId('account-organization').getByText(account.tenantName).waitFor();
      await header().getByRole('button', { name: 'Log out' }).click();
      await header().getByRole('link', { name: 'Log in' }).waitFor();
      await screenshot('journey-7-new-password-works');
    });
  }

  await check('no console errors, page errors or CSP violations', async () => {
    // Give late reports (fonts, lazy chunks) a moment to arrive.
    await page.waitForTimeout(500);
    if (problems.length > 0) {
      for (const p of problems) console.log(`  [${p.check}] ${p.kind}: ${p.text}`);
      throw new Error(`${problems.length} problem(s) reported by the browser`);
    }
  });
} finally {
  await otherBrowser?.close().catch(() => {});
  await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${artifacts}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
