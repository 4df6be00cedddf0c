// End-to-end tests: the production build served by `vite preview`, driven in Debian's Chromium.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// Separate output folders let several test runs share one checkout.
const outDir = process.env.E2E_DIST ?? 'dist';
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  // Browser tests: the feature specs, and the browser half of the reliability suite.
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'reliability/**/*.spec.ts'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Per-port folders, so that concurrent runs in one checkout do not wipe each other's artifacts.
  outputDir: `test-results/artifacts-${port}`,
  reporter: [['list'], ['json', { outputFile: `test-results/e2e-${port}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      // On a closed network Chromium stalls on its background services unless they are off.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'laptop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    // The tiny test models are generated if absent and built into this test build only (DISSIDENTIA_EXTRA_MODELS).
    command: `npx tsx scripts/fixtures.ts --if-missing && DISSIDENTIA_EXTRA_MODELS=tests/fixtures/models npx vite build --configLoader runner --outDir ${outDir} --emptyOutDir --logLevel warn && npx vite preview --configLoader runner --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
