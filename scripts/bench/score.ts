// bench:score — scores ~250,000 sentences with the baseline (the built-in demo model) in Chromium through the real
// path: a synthetic Grand Débat file imported on Données, then « Évaluer le corpus » on Prédire › Tout un corpus,
// with a PerformanceObserver('longtask') on the page. Then `cli score` on the 108 MB synthetic file of bench:import.
// Prints one JSON document on its last line. Env: E2E_PORT (4302), E2E_DIST (.dist-score), BENCH_ANSWERS (18700),
// BENCH_SKIP_BUILD=1, BENCH_SKIP_CLI=1, BENCH_PROFILE_DIR (a persistent Chromium profile: the import is kept for the
// next run, the scores cleared), BENCH_CPU_PROFILE=1 (the page's and the worker's busiest functions in the JSON).
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { serialiseModel } from '../../src/lib/core/ml/model';
import { trainDemoModel } from '../../src/lib/demo/model';
import { profilePage, profileWorker, topSelfTime, topTotalTime } from './cpu-profile';
import { ensureSyntheticFile, startPreview } from './preview';

// Evaluated functions run in Chromium; the Node tsconfig has no DOM library. `any`: page-side objects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, indexedDB: any;

const PORT = Number(process.env.E2E_PORT ?? 4302);
const OUT = process.env.E2E_DIST ?? '.dist-score';
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 18_700);
const FILE = `.cache/grand-debat-${ANSWERS}.csv`;
const BIG_FILE = '.cache/grand-debat-synthetic.csv';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Empties the stored scores (a persistent profile keeps the last run), before the app opens its database. */
function clearScores(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dissidentia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['scores', 'scoreRuns'], 'readwrite');
          tx.objectStore('scores').clear();
          tx.objectStore('scoreRuns').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
}

function hasDataset(page: Page, name: string): Promise<boolean> {
  return page.evaluate(
    (wanted: string) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('dissidentia');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('datasets')) return resolve(false);
          const get = db.transaction('datasets').objectStore('datasets').getAll();
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { name: string; status: string }[]).some((d) => d.name === wanted && d.status === 'ready'));
          };
        };
      }),
    name,
  );
}

async function browserRun(base: string): Promise<Record<string, unknown>> {
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const viewport = { width: 1280, height: 800 };
  // A persistent profile (BENCH_PROFILE_DIR) keeps the imported dataset between runs; its scores are cleared, and
  // service workers are blocked (one kept in the profile would serve the build it cached, not the one under test).
  const browser = PROFILE_DIR ? undefined : await chromium.launch({ executablePath, args });
  const context = browser ? await browser.newContext({ viewport }) : await chromium.launchPersistentContext(PROFILE_DIR!, { executablePath, args, viewport, serviceWorkers: 'block' });
  const name = FILE.replace(/^.*\//, '').replace(/\.csv$/, '');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx names inner functions with a helper that the page lacks; evaluated functions need it there too.
    await page.addInitScript('globalThis.__name = (f) => f;');
    // Every long task of the main thread, from the first paint of each page on.
    await page.addInitScript(() => {
      window.longTasks = [];
      new window.PerformanceObserver((list: { getEntries(): { duration: number }[] }) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.goto(`${base}/#/a-propos`);
    let importSeconds: number | null = null;
    if (!(await hasDataset(page, name))) {
      await page.goto(`${base}/#/donnees`);
      await page.getByTestId('csv-input').last().setInputFiles(FILE);
      const importStarted = Date.now();
      await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
      await page.getByTestId('import-report').waitFor({ timeout: 900_000 });
      importSeconds = (Date.now() - importStarted) / 1000;
    } else {
      await clearScores(page);
    }

    await page.goto(`${base}/#/predire/corpus`);
    await page.getByLabel('Jeu de données').selectOption({ label: name });
    const estimate = page.getByTestId('corpus-estimate');
    await estimate.waitFor({ timeout: 120_000 });
    const estimateText = (await estimate.textContent())?.trim();
    await page.evaluate(() => (window.longTasks = []));
    const profiling = process.env.BENCH_CPU_PROFILE ? await startProfiles(context, page) : undefined;
    const started = Date.now();
    await page.getByRole('button', { name: 'Évaluer le corpus' }).click();
    const status = page.getByTestId('corpus-status').filter({ hasText: 'Corpus évalué' });
    await status.waitFor({ timeout: 900_000 });
    const seconds = (Date.now() - started) / 1000;
    const profiles = profiling ? await profiling() : undefined;
    const longTasks: number[] = await page.evaluate(() => window.longTasks);
    const run = await page.evaluate(
      () =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const open = indexedDB.open('dissidentia');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('scoreRuns').objectStore('scoreRuns').getAll();
            get.onsuccess = () => resolve(get.result[0] as Record<string, number>);
          };
        }),
    );
    return {
      browser: `Chromium ${context.browser()?.version() ?? "(persistent profile)"}`,
      file: { path: FILE, answers: ANSWERS, megabytes: round(statSync(FILE).size / 1048576, 1) },
      importSeconds: importSeconds === null ? null : round(importSeconds),
      estimateShown: estimateText,
      sentences: run.sentencesDone,
      answersScored: run.answersDone,
      distinctScored: run.distinctScored,
      seconds: round(seconds),
      workerSeconds: round(run.seconds),
      sentencesPerSecond: Math.round(run.sentencesDone / seconds),
      longTasks: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      ...(profiles ? { profiles } : {}),
    };
  } finally {
    await context.close();
    await browser?.close();
  }
}

/** CPU profiles of the page and of the model worker during the run (BENCH_CPU_PROFILE=1): raw files under .cache and the top functions. */
async function startProfiles(context: BrowserContext, page: Page): Promise<() => Promise<Record<string, unknown>>> {
  const worker = await profileWorker(await context.newCDPSession(page), /model/);
  const main = await profilePage(await context.newCDPSession(page));
  return async () => {
    const out: Record<string, unknown> = {};
    for (const [name, profiler] of [['worker', worker], ['main', main]] as const) {
      if (!profiler) continue;
      const profile = await profiler.stop();
      writeFileSync(`.cache/score-${name}.cpuprofile`, JSON.stringify(profile));
      out[name] = { self: topSelfTime(profile), total: topTotalTime(profile) };
    }
    return out;
  };
}

/** `cli score` on the 108 MB synthetic file, with the same demo model written as model.json. */
async function cliRun(): Promise<Record<string, unknown>> {
  ensureSyntheticFile(BIG_FILE);
  const modelPath = '.cache/demo-model.json';
  writeFileSync(modelPath, serialiseModel(await trainDemoModel()));
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'score', modelPath, BIG_FILE, '--out', '.cache/scores-synthetic.csv', '--json'], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  const result = JSON.parse(out) as Record<string, unknown>;
  return { file: { path: BIG_FILE, megabytes: round(statSync(BIG_FILE).size / 1048576, 1) }, ...result };
}

async function main(): Promise<void> {
  mkdirSync('.cache', { recursive: true });
  ensureSyntheticFile(FILE, ANSWERS);
  const preview = await startPreview(PORT, OUT);
  let browserResult: Record<string, unknown>;
  try {
    browserResult = await browserRun(preview.base);
  } finally {
    preview.stop();
  }
  const cli = process.env.BENCH_SKIP_CLI ? { skipped: 'BENCH_SKIP_CLI set' } : await cliRun();
  const result = {
    bench: 'score',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: round(loadavg()[0]!) },
    goals: { seconds: 30, longestTaskMs: 100, sentences: 250_000 },
    chromium: browserResult,
    cli,
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'score', error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
