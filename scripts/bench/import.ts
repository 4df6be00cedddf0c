// bench:import — imports a synthetic ~100 MB Grand Débat file through the real UI (headless Chromium) and compares it
// with two floors measured in the same page: PapaParse parsing the file alone, Dexie writing the same sentence rows
// alone. Prints one JSON document. Env: E2E_PORT (4301), E2E_DIST (.dist-import), BENCH_FILE, BENCH_SKIP_BUILD=1.
import { execSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chromium, type CDPSession } from '@playwright/test';
import { ANSWERS_SCHEMA } from '../../src/lib/db/db';

// The functions given to page.evaluate run in Chromium, where these exist; the Node tsconfig has no DOM library,
// and adding it would let DOM types into the pure core. `any`: page-side objects, checked by running the bench.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any, indexedDB: any, IDBKeyRange: any;

const PORT = Number(process.env.E2E_PORT ?? 4301);
const OUT = process.env.E2E_DIST ?? '.dist-import';
const FILE = process.env.BENCH_FILE ?? '.cache/grand-debat-synthetic.csv';
const BASE = `http://127.0.0.1:${PORT}`;
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };

if (!existsSync(FILE)) execSync(`npx tsx scripts/gen-grand-debat-csv.ts --answers 80000 --out ${FILE}`, quiet);
if (!process.env.BENCH_SKIP_BUILD) execSync(`npx vite build --outDir ${OUT} --emptyOutDir --logLevel warn`, quiet);
const server = spawn('npx', ['vite', 'preview', '--outDir', OUT, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await fetch(BASE).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Le serveur de prévisualisation ne répond pas sur ${BASE}`);
}

/** JS heap of the import worker, through a browser-level DevTools session (Playwright has no worker sessions). */
async function workerHeap(cdp: CDPSession): Promise<() => Promise<number>> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && /import/.test(t.url + t.title));
  if (!target) return async () => 0;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, (size: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result?.usedSize ?? 0);
  });
  return () =>
    new Promise<number>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(0));
      setTimeout(() => resolve(0), 2000);
    });
}

/** Seconds from `start` until `done` resolves. */
async function timed(start: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await start();
  await done();
  return Math.round(performance.now() - t) / 1000;
}

async function annotatorFlow(page: import('@playwright/test').Page): Promise<Record<string, number | string>> {
  const count = page.getByTestId('browse-count');
  await page.goto(`${BASE}/#/annoter`);
  await page.getByLabel('Nom', { exact: true }).first().fill('Banc');
  await page.keyboard.press('Enter');
  await page.locator('h1').click();
  const dataset = page.getByLabel('Jeu de données');
  const position = page.getByTestId('queue-position');
  const queueSeconds = await timed(
    async () => dataset.selectOption({ index: (await dataset.locator('option').allTextContents()).findIndex((o) => o.includes('synthetic')) }),
    () => position.filter({ hasText: /^Phrase 1 sur \d{1,3}(?:\s\d{3})+$/ }).waitFor({ timeout: 300_000 }),
  );
  const labelToProgressSeconds = await timed(
    () => page.keyboard.press('2'),
    () => page.getByTestId('progress').getByText(/^Banc : 1 sur/).waitFor({ timeout: 300_000 }),
  );
  await page.getByRole('tab', { name: 'Parcourir' }).click();
  const browseAllSeconds = await timed(async () => undefined, () => count.filter({ hasText: /^\s*[1-9]\d{5,} phrases trouvées/ }).waitFor({ timeout: 300_000 }));
  const search = 'préfecture';
  await page.evaluate(() => (window.longTasks = []));
  const searchSeconds = await timed(
    () => page.getByLabel('Rechercher dans les phrases').fill(search),
    async () => {
      await count.and(page.locator('[aria-busy="true"]')).waitFor({ timeout: 5_000 }).catch(() => undefined);
      await count.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 300_000 });
    },
  );
  const hits = (await count.textContent())?.match(/(\d+) phrases/)?.[1] ?? '?';
  const searchLongTasks: number[] = await page.evaluate(() => window.longTasks);
  await page.getByLabel('Rechercher dans les phrases').fill('');
  await count.filter({ hasText: /^\s*[1-9]\d{5,} phrases trouvées/ }).waitFor({ timeout: 300_000 });
  const labelFilterSeconds = await timed(
    () => page.getByLabel('Étiquette').first().selectOption({ label: 'non dissident' }),
    () => count.filter({ hasText: /^\s*1 phrases? trouvées?/ }).waitFor({ timeout: 300_000 }),
  );
  return {
    queueSeconds,
    labelToProgressSeconds,
    browseAllSeconds,
    search,
    searchHits: Number(hits),
    searchSeconds,
    searchLongTasks: searchLongTasks.length,
    searchLongestTaskMs: Math.round(Math.max(0, ...searchLongTasks)),
    labelFilterSeconds,
  };
}

async function main() {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // tsx names inner functions with a helper that the page lacks; evaluated functions need it there too.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`${BASE}/#/donnees`);
    await page.evaluate(() => {
      window.longTasks = [];
      new window.PerformanceObserver((list: { getEntries(): { duration: number }[] }) =>
        list.getEntries().forEach((e) => window.longTasks.push(e.duration)),
      ).observe({ type: 'longtask' });
    });
    await page.getByTestId('csv-input').setInputFiles(FILE);
    await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).waitFor();

    const pageCdp = await page.context().newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    const sampleWorker = await workerHeap(browserCdp);
    const peak = { page: 0, worker: 0, total: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [p, w] = await Promise.all([pageCdp.send('Runtime.getHeapUsage').then((r) => r.usedSize), sampleWorker()]);
        peak.page = Math.max(peak.page, p);
        peak.worker = Math.max(peak.worker, w);
        peak.total = Math.max(peak.total, p + w);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    const started = Date.now();
    await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
    await page.getByTestId('import-report').waitFor({ timeout: 900_000 });
    const importSeconds = (Date.now() - started) / 1000;
    sampling = false;
    await sampler;

    const report = await page.evaluate(
      () =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const open = indexedDB.open('dissidentia');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('datasets').objectStore('datasets').getAll();
            get.onsuccess = () => resolve((get.result[0] as { info: { report: Record<string, number> } }).info.report);
          };
        }),
    );
    const longTasks: number[] = await page.evaluate(() => window.longTasks);

    // Floor 1: PapaParse alone on the same file, streamed in 1 MB chunks, in this page.
    await page.addScriptTag({ path: 'node_modules/papaparse/papaparse.min.js' });
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-file';
      document.body.append(input);
    });
    await page.setInputFiles('#bench-file', FILE);
    const papaSeconds = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const file = document.getElementById('bench-file').files[0];
          const t = performance.now();
          let rows = 0;
          (window.Papa as typeof import('papaparse')).parse<string[]>(file, {
            chunkSize: 1 << 20,
            chunk: (r) => void (rows += r.data.length),
            complete: () => resolve((performance.now() - t) / 1000 + rows * 0),
          });
        }),
    );

    // Floor 2: Dexie writing the imported sentence rows again, alone, in batches of 1,000 (the import's batch), write
    // time only. Sentences are stored inside their answer's row (offsets, hashes), so those rows are the answer rows.
    await page.addScriptTag({ path: 'node_modules/dexie/dist/dexie.min.js' });
    const dexieSeconds = await page.evaluate(async (schema) => {
      type Row = Record<string, unknown>;
      const floor = new (window.Dexie as typeof import('dexie').Dexie)('bench-floor');
      floor.version(1).stores({ answers: schema });
      await floor.open();
      const source = await new Promise<{ transaction(name: string): any; close(): void }>((resolve) => {
        const open = indexedDB.open('dissidentia');
        open.onsuccess = () => resolve(open.result);
      });
      const readPage = (after: number) =>
        new Promise<Row[]>((resolve) => {
          const req = source.transaction('answers').objectStore('answers').getAll(IDBKeyRange.lowerBound(after, true), 1_000);
          req.onsuccess = () => resolve(req.result as Row[]);
        });
      let writing = 0;
      let after = -1;
      for (;;) {
        const rows = await readPage(after);
        if (!rows.length) break;
        after = rows[rows.length - 1]!.id as number;
        const t = performance.now();
        const target = floor.table('answers');
        await floor.transaction('rw', target, () => target.bulkAdd(rows));
        writing += performance.now() - t;
      }
      source.close();
      await floor.delete();
      return writing / 1000;
    }, ANSWERS_SCHEMA);

    // Then an annotator's first minutes on the imported file, through the UI: queue built, a label reaching the
    // progress panel, browsing without a filter, a text search (many hits), a label filter.
    const annotating = await annotatorFlow(page);

    const bytes = statSync(FILE).size;
    const floorSum = papaSeconds + dexieSeconds;
    const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
    const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
    const result = {
      bench: 'import',
      file: { path: FILE, megabytes: round(bytes / 1e6, 1), records: report.records },
      import: {
        seconds: round(importSeconds),
        answers: report.answers,
        emptyAnswers: report.emptyAnswers,
        sentences: report.sentences,
        malformedRows: report.malformedRows,
        answersPerSecond: Math.round(report.answers / importSeconds),
        sentencesPerSecond: Math.round(report.sentences / importSeconds),
        mbPerSecond: round(bytes / 1e6 / importSeconds),
      },
      floors: { papaparseSeconds: round(papaSeconds), dexieWriteAnswerRowsWithSentencesSeconds: round(dexieSeconds), sumSeconds: round(floorSum) },
      ratioToFloors: round(importSeconds / floorSum),
      peakHeapMB: { page: mb(peak.page), importWorker: mb(peak.worker), total: mb(peak.total) },
      mainThreadLongTasks: { count: longTasks.length, maxMs: Math.round(Math.max(0, ...longTasks)) },
      annotatingTheImport: annotating,
      goals: { ratioToFloors: 1.5, seconds: 60, peakHeapMB: 300 },
      meetsGoals: { ratio: importSeconds <= 1.5 * floorSum, seconds: importSeconds < 60, heap: mb(peak.total) < 300 },
      machine: { cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg().map((l) => round(l, 1)) },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  if (server.pid) process.kill(-server.pid);
  process.exitCode = 1;
});
