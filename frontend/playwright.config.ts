import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against a running Beacon server (no mocks):
 *
 *   BEACON_URL=http://127.0.0.1:8080 BEACON_MAIL_DIR=<DATA_DIR>/mail npm run e2e
 *
 * BEACON_MAIL_DIR is where the server writes outgoing mail as .eml files (development mail
 * transport); the journeys read verification and invitation links from there. Chromium is
 * Debian's (/usr/bin/chromium, or CHROMIUM_PATH): a Playwright browser download never happens.
 * Artifacts (screenshots per page and width, traces and screenshots of failures, the HTML
 * report, the axe summary) go to e2e-artifacts/.
 */
const baseURL = (process.env.BEACON_URL ?? '').replace(/\/+$/, '');

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e-artifacts/test-results',
  // One server, one database, two cores: run in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: './e2e-artifacts/report', open: 'never' }],
    ['./e2e/support/summary-reporter.ts'],
  ],
  use: {
    baseURL: baseURL || undefined,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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
    },
  },
});
