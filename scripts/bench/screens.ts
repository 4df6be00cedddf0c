// bench:screens — how long each screen takes to show its content on a 1,000,000-sentence dataset (issue #16). The
// 108 MB synthetic file is imported once, through Données, into a persistent Chromium profile under .cache (later
// runs reuse it), then each screen is opened three ways: a cold load of its address with every file from the server,
// an in-app move from À propos, and a cold load served by the app's service worker (a returning user).
// The time runs from the navigation to the first frame that shows the screen's meaningful element (listed below per
// screen). The page watches for that element itself (a MutationObserver added before the app's scripts): polling
// with Playwright's locators would compile Playwright's selector engine in the page during the load, 60–190 ms of the
// main thread a user's browser never spends (seen in a Chromium trace of a cold load). Prints one JSON document on
// its last line. Env: E2E_PORT (4303), E2E_DIST (.dist-screens), BENCH_FILE,
// BENCH_PROFILE_DIR (.cache/screens-profile), BENCH_RUNS (3), BENCH_SKIP_BUILD=1, BENCH_ONLY (screens, comma-separated).
import { cpus, loadavg, totalmem } from 'node:os';
import { rmSync, statSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
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

/** What "ready" means on a screen: its content drawn from the dataset, not a loading placeholder. */
interface Ready {
  /** A visible element matching this CSS selector… */
  selector: string;
  /** …whose text contains this, if given… */
  includes?: string;
  /** …and matches this regular expression, if given. */
  pattern?: string;
}

interface Screen {
  name: string;
  hash: string;
  ready: Ready;
}

const ALL_SCREENS: Screen[] = [
  { name: 'demo', hash: '#/', ready: { selector: '[data-testid=demo-summary]', pattern: '\\d' } },
  { name: 'donnees', hash: '#/donnees', ready: { selector: '[data-testid=dataset-list] button', includes: DATASET, pattern: '\\d' } },
  { name: 'annoter', hash: '#/annoter', ready: { selector: '[data-testid=queue-position]', pattern: 'sur \\d' } },
  { name: 'accord', hash: '#/accord', ready: { selector: '[data-testid=agreement-summary], [data-testid=agreement-none]' } },
  { name: 'modeles', hash: '#/modeles', ready: { selector: '[data-testid=models-table], [data-testid=models-list-empty]' } },
  { name: 'predire', hash: '#/predire', ready: { selector: '#predict-text' } },
  { name: 'predire-corpus', hash: '#/predire/corpus', ready: { selector: '[data-testid=corpus-counts]' } },
  { name: 'reglages', hash: '#/reglages', ready: { selector: '[data-testid=quota]' } },
  { name: 'a-propos', hash: '#/a-propos', ready: { selector: '[data-testid=privacy]' } },
];

/** BENCH_ONLY=annoter,accord times those screens only (while working on them; the goal is judged on all). */
const ONLY = process.env.BENCH_ONLY?.split(',');
const SCREENS = ONLY ? ALL_SCREENS.filter((s) => ONLY.includes(s.name) || s.name === 'a-propos' || s.name === 'reglages') : ALL_SCREENS;

/**
 * Added to every page before its own scripts. `benchWatch(ready)` resolves with performance.now() at the first
 * animation frame after a visible element meets `ready`; a document whose address names a screen starts watching
 * for it at once (`benchCold`). Plain ES5 text: tsx rewrites the bench's own functions in ways a page cannot run.
 */
const WATCHER = `
  globalThis.__name = function (f) { return f; };
  (function () {
    var readiness = ${JSON.stringify(Object.fromEntries(ALL_SCREENS.map((s) => [s.hash, s.ready])))};
    function met(ready) {
      var found = document.querySelectorAll(ready.selector);
      for (var i = 0; i < found.length; i++) {
        var text = found[i].textContent || '';
        if (ready.includes && text.indexOf(ready.includes) < 0) continue;
        if (ready.pattern && !new RegExp(ready.pattern).test(text)) continue;
        if (found[i].checkVisibility() && found[i].getClientRects().length > 0) return true;
      }
      return false;
    }
    window.benchWatch = function (ready) {
      return new Promise(function (resolve) {
        var shown = function () { requestAnimationFrame(function () { resolve(performance.now()); }); };
        if (met(ready)) return shown();
        var observer = new MutationObserver(function () {
          if (met(ready)) { observer.disconnect(); shown(); }
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    };
    var cold = readiness[location.hash || '#/'];
    if (cold) window.benchCold = window.benchWatch(cold);
  })();
`;

/** Rejects after the bench's timeout, so that a screen that never gets ready does not stall the run. */
function inTime<T>(page: Page, work: Promise<T>): Promise<T> {
  return Promise.race([work, page.waitForTimeout(TIMEOUT_MS).then(() => Promise.reject(new Error('délai dépassé')))]);
}

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

/** Milliseconds from a cold load of the screen's address (performance.now() counts from the navigation's start). */
async function coldLoad(page: Page, base: string, screen: Screen): Promise<number> {
  await page.goto('about:blank');
  // Nothing is asked of the page until it has loaded: the watcher times the screen by itself meanwhile.
  await page.goto(`${base}/${screen.hash}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  return inTime(page, page.evaluate(() => window.benchCold as Promise<number>));
}

/** Milliseconds from setting the address to `to` until `screen` is ready, inside the running app. */
function move(page: Page, to: Screen): Promise<number> {
  return inTime(
    page,
    page.evaluate(
      ([hash, ready]) => {
        const started = window.performance.now();
        const shown = window.benchWatch(ready) as Promise<number>;
        location.hash = hash;
        return shown.then((at) => at - started);
      },
      [to.hash, to.ready] as const,
    ),
  );
}

const ABOUT = SCREENS.find((s) => s.name === 'a-propos')!;
const SETTINGS = SCREENS.find((s) => s.name === 'reglages')!;

/** Milliseconds of an in-app move to the screen, from À propos (À propos itself from Réglages). */
async function inApp(page: Page, base: string, screen: Screen): Promise<number> {
  if (!page.url().startsWith(base)) await page.goto(`${base}/#/a-propos`);
  const from = screen === ABOUT ? SETTINGS : ABOUT;
  await move(page, from);
  return move(page, screen);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A browser on the kept profile; `worker`: whether the app's service worker may serve the pages. */
async function browse(worker: boolean): Promise<{ context: BrowserContext; page: Page }> {
  // A service worker left in the profile (by an earlier build) would serve the build it cached, whatever
  // `serviceWorkers: 'block'` says; its registrations go with this folder. The second phase registers today's.
  rmSync(`${PROFILE}/Default/Service Worker`, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    serviceWorkers: worker ? 'allow' : 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Also defines tsx's function-naming helper, which evaluated functions need in the page.
  await page.addInitScript(WATCHER);
  return { context, page };
}

/** Loads the app once and waits until its service worker controls the page, the shell precached. */
async function installServiceWorker(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/#/a-propos`, { waitUntil: 'load' });
  await inTime(page, page.evaluate(() => window.navigator.serviceWorker.ready as Promise<unknown>));
  await page.reload({ waitUntil: 'load' });
  if (!(await page.evaluate(() => !!window.navigator.serviceWorker.controller))) throw new Error('le service worker ne contrôle pas la page');
}

type Timings = { coldMs: number[]; coldWorkerMs: number[]; inAppMs: number[]; coldMedianMs: number; coldWorkerMedianMs: number; inAppMedianMs: number; underGoal: boolean };

async function main(): Promise<void> {
  ensureSyntheticFile(FILE);
  const preview = await startPreview(PORT, OUT);
  // A screen that never gets ready counts as the timeout, and the others are still measured.
  const orTimeout = (ms: Promise<number>) => ms.then(round, () => TIMEOUT_MS);
  const cold: Record<string, number[]> = {};
  const coldWorker: Record<string, number[]> = {};
  const moved: Record<string, number[]> = {};
  let importSeconds: number | null = null;
  let datasets: { name: string }[] = [];
  let browser = '';
  // First without the service worker: every file comes from the server (a first visit after an update, or a browser
  // without service workers). Then as a returning user, whose service worker serves the app from its cache: anyone
  // with a million sentences stored has visited before, and that visit installed it.
  for (const worker of [false, true]) {
    const { context, page } = await browse(worker);
    try {
      browser ||= `Chromium ${context.browser()?.version() ?? ''}`.trim();
      if (worker) await installServiceWorker(page, preview.base);
      else importSeconds = await prepare(page, preview.base);
      for (const screen of SCREENS) {
        const into: number[] = [];
        (worker ? coldWorker : cold)[screen.name] = into;
        for (let i = 0; i < RUNS; i++) {
          into.push(await orTimeout(coldLoad(page, preview.base, screen)));
          if (!worker) (moved[screen.name] ??= []).push(await orTimeout(inApp(page, preview.base, screen)));
        }
        progress(worker ? `${screen.name}: cold with the service worker ${into.join(', ')} ms` : `${screen.name}: cold ${into.join(', ')} ms, in app ${moved[screen.name]!.join(', ')} ms`);
      }
      datasets = await storedDatasets(page);
    } finally {
      await context.close();
    }
  }
  preview.stop();
  const screens: Record<string, Timings> = {};
  for (const { name } of SCREENS) {
    const medians = { coldMedianMs: median(cold[name]!), coldWorkerMedianMs: median(coldWorker[name]!), inAppMedianMs: median(moved[name]!) };
    screens[name] = { coldMs: cold[name]!, coldWorkerMs: coldWorker[name]!, inAppMs: moved[name]!, ...medians, underGoal: Math.max(...Object.values(medians)) < GOAL_MS };
  }
  console.log(
    JSON.stringify({
      bench: 'screens',
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: loadavg().map((l) => round(l, 1)) },
      browser,
      file: { path: FILE, megabytes: round(statSync(FILE).size / 1048576, 1) },
      datasets: datasets.map((d) => d.name),
      importSeconds,
      runs: RUNS,
      goalMs: GOAL_MS,
      screens,
      allUnderGoal: Object.values(screens).every((s) => s.underGoal),
    }),
  );
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'screens', error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
