// bench:screens — how long each screen takes to show its content on a 1,000,000-sentence dataset (issue #16). The
// 108 MB synthetic file is imported once, through Données, into a persistent Chromium profile under .cache (later
// runs reuse it), then each screen is opened twice: a cold load of its address, and an in-app move from À propos.
// The time runs from the navigation to the screen's meaningful element being visible (listed below per screen).
// Prints one JSON document on its last line. Env: E2E_PORT (4303), E2E_DIST (.dist-screens), BENCH_FILE,
// BENCH_PROFILE_DIR (.cache/screens-profile), BENCH_RUNS (3), BENCH_SKIP_BUILD=1.
import { cpus, loadavg, totalmem } from 'node:os';
import { statSync } from 'node:fs';
import { chromium, type Locator, type Page } from '@playwright/test';
import { ensureSyntheticFile, startPreview } from './preview';

// Evaluated functions run in Chromium; the Node tsconfig has no DOM library. `any`: page-side objects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, indexedDB: any, location: any;

const PORT = Number(process.env.E2E_PORT ?? 4303);
const OUT = process.env.E2E_DIST ?? '.dist-screens';
const FILE = process.env.BENCH_FILE ?? '.cache/grand-debat-synthetic.csv';
// The profile's database belongs to the origin, so one folder per port.
const PROFILE = process.env.BENCH_PROFILE_DIR ?? `.cache/screens-profile-${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_MS = 1000;
const TIMEOUT_MS = 60_000;
const DATASET = FILE.replace(/^.*\//, '').replace(/\.csv$/, '');
/** Steps on stderr, so that a stalled run shows where it is. */
const progress = (step: string) => process.stderr.write(`[bench:screens ${new Date().toISOString().slice(11, 19)}] ${step}\n`);
const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

interface Screen {
  name: string;
  hash: string;
  /** What "ready" means on this screen: its content drawn from the dataset, not a loading placeholder. */
  ready: (page: Page) => Locator;
}

const SCREENS: Screen[] = [
  { name: 'demo', hash: '#/', ready: (p) => p.getByTestId('demo-summary').filter({ hasText: /\d/ }) },
  { name: 'donnees', hash: '#/donnees', ready: (p) => p.getByTestId('dataset-list').getByRole('button', { name: DATASET }).filter({ hasText: /\d/ }) },
  { name: 'annoter', hash: '#/annoter', ready: (p) => p.getByTestId('queue-position').filter({ hasText: /sur \d/ }) },
  { name: 'accord', hash: '#/accord', ready: (p) => p.getByTestId('agreement-summary').or(p.getByTestId('agreement-none')) },
  { name: 'modeles', hash: '#/modeles', ready: (p) => p.getByTestId('models-table').or(p.getByTestId('models-list-empty')) },
  { name: 'predire', hash: '#/predire', ready: (p) => p.locator('#predict-text') },
  { name: 'predire-corpus', hash: '#/predire/corpus', ready: (p) => p.getByTestId('corpus-counts') },
  { name: 'reglages', hash: '#/reglages', ready: (p) => p.getByTestId('quota') },
  { name: 'a-propos', hash: '#/a-propos', ready: (p) => p.getByTestId('privacy') },
];

/** The stored datasets (name, status, sentence count) read straight from IndexedDB. */
function storedDatasets(page: Page): Promise<{ name: string; status: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ name: string; status: string }[]>((resolve) => {
        const open = indexedDB.open('dissidentia');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('datasets')) return resolve([]);
          const get = db.transaction('datasets').objectStore('datasets').getAll();
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { name: string; status: string }[]).map((d) => ({ name: d.name, status: d.status })));
          };
        };
      }),
  );
}

/** Imports the file through Données unless the profile already holds it; makes sure an annotator profile exists. */
async function prepare(page: Page, base: string): Promise<number | null> {
  await page.goto(`${base}/#/donnees`);
  await page.getByTestId('csv-input').last().waitFor({ state: 'attached' });
  let importSeconds: number | null = null;
  if (!(await storedDatasets(page)).some((d) => d.name === DATASET && d.status === 'ready')) {
    await page.getByTestId('csv-input').last().setInputFiles(FILE);
    const started = Date.now();
    await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
    await page.getByTestId('import-report').waitFor({ timeout: 1_800_000 });
    importSeconds = (Date.now() - started) / 1000;
    progress(`import: ${importSeconds} s`);
  }
  await page.goto(`${base}/#/annoter`);
  // Once the stored profiles are read, the welcome form shows only when there is none; the bar's button otherwise.
  const welcome = page.getByText('Qui annote sur cet appareil');
  const position = page.getByTestId('queue-position');
  await welcome.or(page.getByRole('button', { name: 'Nouvel annotateur' })).first().waitFor({ timeout: 300_000 });
  progress('Annoter ready');
  if (await welcome.isVisible()) {
    await page.getByLabel('Nom', { exact: true }).first().fill('Banc');
    await page.keyboard.press('Enter');
  }
  await position.waitFor({ timeout: 300_000 });
  return importSeconds;
}

/** Milliseconds from a cold load of the screen's address to its ready element. */
async function coldLoad(page: Page, base: string, screen: Screen): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${base}/${screen.hash}`, { waitUntil: 'commit' });
  await screen.ready(page).first().waitFor({ timeout: TIMEOUT_MS });
  // performance.now() counts from the navigation's start.
  return page.evaluate(() => window.performance.now());
}

/** Milliseconds from an in-app move (from À propos) to the screen's ready element. */
async function inApp(page: Page, base: string, screen: Screen): Promise<number> {
  if (!page.url().startsWith(base)) await page.goto(`${base}/#/a-propos`);
  await page.evaluate(() => (location.hash = '#/a-propos'));
  await page.getByTestId('privacy').waitFor();
  const started: number = await page.evaluate((hash: string) => {
    window.benchStarted = window.performance.now();
    location.hash = hash;
    return window.benchStarted;
  }, screen.hash === '#/a-propos' ? '#/reglages' : screen.hash);
  // À propos itself is measured from Réglages.
  await (screen.hash === '#/a-propos' ? page.getByTestId('quota') : screen.ready(page)).first().waitFor({ timeout: TIMEOUT_MS });
  if (screen.hash === '#/a-propos') {
    const from: number = await page.evaluate(() => {
      window.benchStarted = window.performance.now();
      location.hash = '#/a-propos';
      return window.benchStarted;
    });
    await screen.ready(page).first().waitFor({ timeout: TIMEOUT_MS });
    return (await page.evaluate(() => window.performance.now())) - from;
  }
  return (await page.evaluate(() => window.performance.now())) - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  ensureSyntheticFile(FILE);
  const preview = await startPreview(PORT, OUT);
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    // A service worker kept in the profile would serve the build it cached, not the one under test.
    serviceWorkers: 'block',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx names inner functions with a helper that the page lacks; evaluated functions need it there too.
    await page.addInitScript('globalThis.__name = (f) => f;');
    const importSeconds = await prepare(page, preview.base);
    const screens: Record<string, { coldMs: number[]; inAppMs: number[]; coldMedianMs: number; inAppMedianMs: number; underGoal: boolean }> = {};
    for (const screen of SCREENS) {
      const cold: number[] = [];
      const moved: number[] = [];
      // A screen that never gets ready counts as the timeout, and the others are still measured.
      const orTimeout = (ms: Promise<number>) => ms.then(round, () => TIMEOUT_MS);
      for (let i = 0; i < RUNS; i++) {
        cold.push(await orTimeout(coldLoad(page, preview.base, screen)));
        moved.push(await orTimeout(inApp(page, preview.base, screen)));
      }
      const coldMedianMs = median(cold);
      const inAppMedianMs = median(moved);
      progress(`${screen.name}: cold ${cold.join(', ')} ms, in app ${moved.join(', ')} ms`);
      screens[screen.name] = { coldMs: cold, inAppMs: moved, coldMedianMs, inAppMedianMs, underGoal: Math.max(coldMedianMs, inAppMedianMs) < GOAL_MS };
    }
    const datasets = await storedDatasets(page);
    console.log(
      JSON.stringify({
        bench: 'screens',
        machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: loadavg().map((l) => round(l, 1)) },
        browser: `Chromium ${context.browser()?.version() ?? ''}`.trim(),
        file: { path: FILE, megabytes: round(statSync(FILE).size / 1048576, 1) },
        datasets: datasets.map((d) => d.name),
        importSeconds,
        runs: RUNS,
        goalMs: GOAL_MS,
        screens,
        allUnderGoal: Object.values(screens).every((s) => s.underGoal),
      }),
    );
  } finally {
    await context.close();
    preview.stop();
  }
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'screens', error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
