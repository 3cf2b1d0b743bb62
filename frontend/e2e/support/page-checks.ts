import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEWPORTS } from './env.ts';

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'e2e-artifacts');
export const SCREENSHOTS = path.join(ARTIFACTS, 'pages');

/** Pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** Waits until loading placeholders are gone and the page's heading is there. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForTimeout(150);
}

export interface AxeSummary {
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  violations: string[];
}

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the page as it is now. */
export async function runAxe(page: Page, exclude: string[] = []): Promise<AxeSummary> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const summary: AxeSummary = { critical: 0, serious: 0, moderate: 0, minor: 0, violations: [] };
  for (const v of results.violations) {
    summary[v.impact ?? 'minor'] += 1;
    summary.violations.push(
      `${v.impact ?? '?'} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes
        .slice(0, 6)
        .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`)
        .join('; ')})`,
    );
  }
  return summary;
}

/**
 * The checks every page gets at every width: a full-page screenshot kept under
 * e2e-artifacts/pages/, no horizontal overflow, and no serious or critical axe violation.
 * Results are attached to the test and summarised by the reporter (`axe` annotations).
 */
export async function checkPage(page: Page, testInfo: TestInfo, name: string, options: { axeExclude?: string[] } = {}) {
  await settle(page);
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${name}-${width}`, { path: file, contentType: 'image/png' });

  const overflow = await horizontalOverflow(page);
  const axe = await runAxe(page, options.axeExclude);
  testInfo.annotations.push({
    type: 'axe',
    description: `${name}@${width}|${axe.critical}|${axe.serious}|${axe.moderate}|${axe.minor}|${overflow}`,
  });
  if (axe.violations.length > 0) await testInfo.attach(`axe-${name}-${width}.txt`, { body: axe.violations.join('\n'), contentType: 'text/plain' });

  expect.soft(overflow, `${name} at ${width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  expect
    .soft(axe.critical + axe.serious, `${name} at ${width}px has serious/critical axe violations:\n${axe.violations.join('\n')}`)
    .toBe(0);
}

/** {@link checkPage} at desktop then phone width, back to desktop after. */
export async function checkBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
    await page.setViewportSize(viewport);
    await checkPage(page, testInfo, name);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}
