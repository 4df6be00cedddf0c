// bench:similar — in Chromium (Vite dev server): text search on the ~1,000,000-sentence file of bench:import before
// and after the inverted index (build time, stored size), TF-IDF similarity on ~250,000 and ~1,000,000 sentences,
// dense top-k cosine over 100,000 generated vectors. Progress on stderr; one JSON line on stdout.
// Env: BENCH_FILE (.cache/grand-debat-synthetic.csv), BENCH_SMALL_FILE (.cache/gd20k.csv), BENCH_DIMS (768).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { withChromiumPage } from './chromium';

type PageModule = typeof import('./similar-page');
const MODULE_URL = '/scripts/bench/similar-page.ts';
const FILE = process.env.BENCH_FILE ?? '.cache/grand-debat-synthetic.csv';
const SMALL = process.env.BENCH_SMALL_FILE ?? '.cache/gd20k.csv';
const DIMS = Number(process.env.BENCH_DIMS ?? 768);
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };

if (!existsSync(FILE)) execSync(`npx tsx scripts/gen-grand-debat-csv.ts --answers 80000 --out ${FILE}`, quiet);
if (!existsSync(SMALL)) execSync(`npx tsx scripts/gen-grand-debat-csv.ts --answers 20000 --seed 2 --out ${SMALL}`, quiet);

const log = (message: string) => process.stderr.write(`bench:similar — ${message}\n`);

const result = await withChromiumPage(async (page, info) => {
  page.setDefaultTimeout(1_800_000);
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  page.on('console', (message) => ['error', 'info'].includes(message.type()) && log(`page: ${message.text()}`));
  await page.evaluate((url) => import(url), MODULE_URL);
  await page.evaluate(() => {
    for (const id of ['big', 'small']) {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = id;
      document.body.append(input);
    }
  });
  await page.setInputFiles('#big', FILE);
  await page.setInputFiles('#small', SMALL);
  const importOf = (id: string) =>
    page.evaluate(
      async ({ url, id }) => (await import(url) as PageModule).importInWorker((document.getElementById(id) as HTMLInputElement).files![0]!),
      { url: MODULE_URL, id },
    );
  log('import of the large file');
  const big = await importOf('big');
  log(`imported in ${big.seconds} s; searching`);
  const search = await page.evaluate(async ({ url, id }) => (await import(url) as PageModule).benchSearch(id, 'préfecture', 'services publics'), { url: MODULE_URL, id: big.datasetId });
  log('similarity on the large file');
  const similarLarge = await page.evaluate(async ({ url, id }) => (await import(url) as PageModule).benchSimilar(id), { url: MODULE_URL, id: big.datasetId });
  log('import of the small file');
  const small = await importOf('small');
  const similar = await page.evaluate(async ({ url, id }) => (await import(url) as PageModule).benchSimilar(id), { url: MODULE_URL, id: small.datasetId });
  log('dense vectors');
  const dense = await page.evaluate(async ({ url, dims }) => (await import(url) as PageModule).benchDense(100_000, dims), { url: MODULE_URL, dims: DIMS });
  return { ...info, importSeconds: big.seconds, search, similar, similarLarge, dense };
});

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage1m: Number(loadavg()[0].toFixed(2)) };
console.log(JSON.stringify({ machine, ...result }));
