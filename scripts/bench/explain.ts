// bench:explain — LIME (500 samples) and exact contributions on typical sentences with the baseline, in Node and in
// Chromium (the app's modules served by Vite, as the model worker runs them). With --transformer, also LIME through
// the app's model worker under a transfer head on the full-size random-weight CamemBERT (q8, WASM; generated when
// missing, as bench:model does). Prints JSON.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readLabelledCsv } from '../../src/cli/labelled-csv';
import { timeExplanations, type ExplainTiming } from '../../src/lib/core/ml/explain/benchmark';
import { layoutWords } from '../../src/lib/core/ml/explain/words';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { serialiseModel, trainBaseline } from '../../src/lib/core/ml/model';
import { withChromiumPage } from './chromium';
import { transformerLime } from './explain-transformer';

type ModelModule = typeof import('../../src/lib/core/ml/model');
type BenchModule = typeof import('../../src/lib/core/ml/explain/benchmark');
const MODEL_URL = '/src/lib/core/ml/model.ts';
const BENCH_URL = '/src/lib/core/ml/explain/benchmark.ts';
const DEV_FILE = fileURLToPath(new URL('../../../shared/data/dissidentia-dev.csv', import.meta.url));
const SAMPLES = 500;

/** The sentence at a given quantile of word counts: "typical" is the median, "long" the 90th percentile. */
function atQuantile(texts: string[], q: number): string {
  const byLength = [...texts].sort((a, b) => layoutWords(a, false).words.length - layoutWords(b, false).words.length || a.localeCompare(b));
  return byLength[Math.floor(q * (byLength.length - 1))];
}

async function main(): Promise<void> {
  const present = existsSync(DEV_FILE);
  const data = present ? readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] }) : fixtureSet();
  // The model the Modèles screen would give by default: the full cross-validated search.
  const model = await trainBaseline(data.texts, data.labels, { learningCurve: null });
  const sentences = { typical: atQuantile(data.texts, 0.5), long: atQuantile(data.texts, 0.9) };
  const node: Record<string, ExplainTiming> = {};
  for (const [name, sentence] of Object.entries(sentences)) node[name] = await timeExplanations(model, sentence, SAMPLES);
  const chromium = process.env.SKIP_CHROMIUM
    ? { skipped: 'SKIP_CHROMIUM set' }
    : await withChromiumPage(async (page, info) => {
        await page.evaluate(async (urls) => Promise.all(urls.map((u) => import(u))), [MODEL_URL, BENCH_URL]);
        const timings = await page.evaluate(
          async ({ json, sentences, samples, urls }) => {
            const { loadBaselineModel } = (await import(urls[0])) as ModelModule;
            const bench = (await import(urls[1])) as BenchModule;
            const m = loadBaselineModel(json);
            const out: Record<string, ExplainTiming> = {};
            for (const [name, sentence] of Object.entries(sentences)) out[name] = await bench.timeExplanations(m, sentence, samples);
            return out;
          },
          { json: serialiseModel(model), sentences, samples: SAMPLES, urls: [MODEL_URL, BENCH_URL] },
        );
        return { ...info, ...timings };
      }).catch((error: unknown) => ({ error: String(error) }));
  let transformer: unknown = { skipped: 'run with --transformer (full-size model, a minute or more)' };
  if (process.argv.includes('--transformer')) {
    if (!existsSync('public/models/camembert-full-random/onnx/model_quantized.onnx')) execSync('npx tsx scripts/fixtures.ts --full', { stdio: 'inherit' });
    transformer = await transformerLime(data.texts.slice(0, 48), data.labels.slice(0, 48), sentences.typical, SAMPLES).catch((error: unknown) => ({ error: String(error) }));
  }
  const result = {
    bench: 'explain',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: Number(loadavg()[0].toFixed(2)) },
    goals: { limeMs: 300 },
    data: present ? { file: DEV_FILE, sentences: data.texts.length } : { skipped: `missing file ${DEV_FILE}: team-written test sentences instead`, sentences: data.texts.length },
    model: { params: model.settings.params, features: Object.values(model.blocks).reduce((a, b) => a + b.vocabulary.length, 0) },
    node,
    chromium,
    transformer,
  };
  console.log(JSON.stringify({ ...result, loadAverage1mAfter: Number(loadavg()[0].toFixed(2)) }, null, 2));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'explain', error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
