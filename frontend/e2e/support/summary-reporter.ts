import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'e2e-artifacts');

/**
 * Ends the run with the plain line tests/run-all.sh counts — "N passed, M failed" — after an
 * accessibility table (axe impacts and horizontal overflow per page and width), which is also
 * written to e2e-artifacts/axe-summary.md. Skipped tests are not counted as passed.
 */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  private readonly axeRows: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'passed') this.passed += 1;
    else if (result.status === 'skipped') this.skipped += 1;
    else this.failed += 1;
    for (const a of test.annotations) if (a.type === 'axe' && a.description) this.axeRows.push(a.description);
    for (const a of result.annotations) if (a.type === 'axe' && a.description) this.axeRows.push(a.description);
  }

  onEnd() {
    if (this.axeRows.length > 0) {
      const rows = [...new Set(this.axeRows)].map((r) => r.split('|'));
      const lines = [
        '| page @ width | critical | serious | moderate | minor | overflow px |',
        '|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${r.join(' | ')} |`),
      ];
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(path.join(ARTIFACTS, 'axe-summary.md'), `${lines.join('\n')}\n`);
      console.log(`\naxe-core per page (also in e2e-artifacts/axe-summary.md):\n${lines.join('\n')}`);
    }
    if (this.skipped > 0) console.log(`${this.skipped} skipped (not counted as passed)`);
    console.log(`screenshots: e2e-artifacts/pages/, report: e2e-artifacts/report/`);
    console.log(`${this.passed} passed, ${this.failed + this.skipped} failed`);
  }

  printsToStdio() {
    return false;
  }
}
