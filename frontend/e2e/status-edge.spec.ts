import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { X509Certificate, createHash } from 'node:crypto';
import { chromium, expect, request as apiRequest, test } from '@playwright/test';
import { createOrganization, graphql, logIn } from './support/api.ts';
import { checkBothWidths } from './support/page-checks.ts';
import { listen } from './support/tcp.ts';

/**
 * The public page through the production edge: the repository's Caddyfile run by Debian's
 * Caddy (internal CA, high ports; started by tests/run-all.sh, which passes its HTTPS port and
 * CA directory). A TCP monitor goes down, its outage is published as an incident with an
 * update, and a visitor opens https://<slug>.localhost:<port>/ — the certificate is issued on
 * the first handshake after Beacon's ask endpoint approves the tenant host, and it chains to
 * Caddy's root (checked by Node with that root, no "insecure" switch). Chromium trusts only
 * Caddy's CA keys (an SPKI allow-list), then the outage and its timeline are screenshotted at
 * desktop and phone width with the usual checks.
 */
const edgePort = process.env.BEACON_EDGE_HTTPS_PORT ?? '';
const caDir = process.env.BEACON_EDGE_CA_DIR ?? '';

function spki(file: string): string {
  const key = new X509Certificate(readFileSync(file)).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(key).digest('base64');
}

/** The TLS handshake with Caddy's root as the only trust anchor; resolves with the status. */
function getVerified(host: string, urlPath: string): Promise<{ status: number; issuer: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: Number(edgePort), path: urlPath, servername: host, headers: { host: `${host}:${edgePort}` }, ca: readFileSync(path.join(caDir, 'root.crt')) },
      (res) => {
        const cn = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().issuer?.CN;
        const issuer = Array.isArray(cn) ? cn.join(', ') : (cn ?? '');
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, issuer }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// Playwright reads the fixtures a test uses from its first parameter; this one uses none.
// eslint-disable-next-line no-empty-pattern
test('a visitor reads an outage and its incident timeline through Caddy over HTTPS', async ({}, testInfo) => {
  expect(edgePort, 'BEACON_EDGE_HTTPS_PORT: run through tests/run-all.sh, which starts Caddy').not.toBe('');
  expect(caDir, 'BEACON_EDGE_CA_DIR: Caddy’s local CA directory').not.toBe('');
  test.setTimeout(180_000);
  const { server, port: openPort } = await listen();
  const api = await apiRequest.newContext();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      `--ignore-certificate-errors-spki-list=${[spki(path.join(caDir, 'intermediate.crt')), spki(path.join(caDir, 'root.crt'))].join(',')}`,
    ],
  });
  try {
    const org = await createOrganization(api, 'edge');
    const token = await logIn(api, org.accounts.OWNER, org.slug);
    const monitor = await graphql<{ createMonitor: { id: string } }>(
      api,
      `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { id } }`,
      { input: { name: 'checkout-api', tcp: { host: '127.0.0.1', port: openPort }, intervalSeconds: 10, failureThreshold: 1 } },
      token,
    );
    const { createStatusPage: statusPage } = await graphql<{ createStatusPage: { id: string } }>(
      api,
      `mutation ($input: StatusPageInput!) { createStatusPage(input: $input) { id } }`,
      { input: { title: 'Edge Co status', description: 'Checkout and storefront, live.' } },
      token,
    );
    await graphql(
      api,
      `mutation ($id: ID!, $components: [StatusPageComponentInput!]!) { setStatusPageComponents(id: $id, components: $components) { id } }`,
      { id: statusPage.id, components: [{ monitorId: monitor.createMonitor.id, name: 'Checkout API', group: 'Payments' }] },
      token,
    );

    // The target goes away: the next check finds it down and opens an outage.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const openOutage = `query ($id: ID!) { incidents(first: 1, filter: { monitorId: $id, open: true }) { nodes { id } } }`;
    let outageId = '';
    await expect(async () => {
      const found = await graphql<{ incidents: { nodes: { id: string }[] } }>(api, openOutage, { id: monitor.createMonitor.id }, token);
      outageId = found.incidents.nodes[0]?.id ?? '';
      expect(outageId).not.toBe('');
    }).toPass({ timeout: 60_000, intervals: [1_000] });
    const published = await graphql<{ publishOutage: { id: string } }>(
      api,
      `mutation ($page: ID!, $outage: ID!) { publishOutage(pageId: $page, outageId: $outage) { id } }`,
      { page: statusPage.id, outage: outageId },
      token,
    );
    await graphql(
      api,
      `mutation ($id: ID!, $input: StatusIncidentUpdateInput!) { postStatusIncidentUpdate(id: $id, input: $input) { id } }`,
      { id: published.publishOutage.id, input: { status: 'IDENTIFIED', message: 'The checkout database is refusing connections. We are failing over.' } },
      token,
    );

    // The handshake: a certificate for the tenant host, chaining to Caddy's root.
    const host = `${org.slug}.localhost`;
    const first = await getVerified(host, '/');
    expect(first.status).toBe(200);
    expect(first.issuer).toContain('Caddy Local Authority');

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const visitor = await context.newPage();
    const problems: string[] = [];
    visitor.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    visitor.on('pageerror', (error) => problems.push(error.message));
    await visitor.goto(`https://${host}:${edgePort}/`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Edge Co status');
    await expect(visitor.getByTestId('overall-status')).not.toHaveText('All systems operational');
    const active = visitor.getByRole('region', { name: 'Active incidents' });
    await expect(active.getByRole('article')).toHaveCount(1);
    const timeline = active.getByTestId('incident-update');
    await expect(timeline).toHaveCount(2);
    await expect(timeline.first()).toContainText('failing over');
    const row = visitor.getByTestId('status-component').filter({ hasText: 'Checkout API' });
    await expect(row.getByTestId('component-status')).not.toHaveText('Operational');
    await checkBothWidths(visitor, testInfo, 'status-edge-outage');
    expect(problems, 'console errors on the page served through Caddy').toEqual([]);
    await context.close();
  } finally {
    await browser.close();
    await api.dispose();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
