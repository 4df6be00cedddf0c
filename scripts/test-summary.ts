// Reads Vitest's and Playwright's JSON reports and prints the one line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

function read<T>(path: string, what: string): T | undefined {
  if (!existsSync(path)) {
    console.error(`Rapport ${what} absent : ${path}`);
    return undefined;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const [unitPath = 'test-results/unit.json', e2ePath = 'test-results/e2e-4173.json'] = process.argv.slice(2);
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

const unit = read<VitestReport>(unitPath, 'Vitest');
if (unit) {
  total.passed += unit.numPassedTests;
  total.failed += unit.numFailedTests;
  total.skipped += unit.numPendingTests + unit.numTodoTests;
} else total.failed += 1;

const e2e = read<PlaywrightReport>(e2ePath, 'Playwright');
if (e2e) {
  // A flaky test passed on retry; it still counts as passed, and retries are off by default anyway.
  total.passed += e2e.stats.expected + e2e.stats.flaky;
  total.failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  total.skipped += e2e.stats.skipped;
} else total.failed += 1;

// A failed type check (npm run check, before the tests) counts as one failure, so the line cannot read clean.
if ((process.env.TYPECHECK_STATUS ?? '0') !== '0') total.failed += 1;
// So does a failed layer check (scripts/check-layers.ts: a component or route importing lib/db).
if ((process.env.LAYERS_STATUS ?? '0') !== '0') total.failed += 1;

console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
