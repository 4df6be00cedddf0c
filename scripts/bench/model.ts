// npm run bench:model [-- --json] [--quick]: sentences/s of a full-size random-weight CamemBERT (about 30 tokens),
// batch 1 and 8, fp32 and q8, in onnxruntime-node, a bare onnxruntime-web session in Chromium and the app's worker.
// With --json the last line is one JSON object (nodeQ8Batch1, chromiumWasmQ8Batch1, appWorkerQ8Batch1, …).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadModelFolder } from '../../src/cli/model-folder';
import { benchModelInChromium, type Plan } from './model-chromium';

const MODEL = 'camembert-full-random';
const DIR = join('public/models', MODEL);
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (line: string) => process.stderr.write(`${line}\n`);

if (!existsSync(join(DIR, 'onnx/model_quantized.onnx')) || !existsSync(join(DIR, 'onnx/model.onnx'))) {
  log(`Modèle ${DIR} absent : génération (npm run fixtures -- --full)…`);
  execSync('npx tsx scripts/fixtures.ts --full', { stdio: 'inherit' });
}

// About 30 tokens: French sentences of similar length, all different (the app embeds duplicates once).
const texts = Array.from({ length: 8 }, (_, i) => `Phrase ${i + 1} : les services publics disparaissent de nos campagnes et les élus ne nous écoutent plus, quelle honte pour notre démocratie !`);
const encoder = await loadModelFolder(DIR, { dtype: 'q8' });
const ids = encoder.tokenIds(texts[0]!);
await encoder.dispose();

const WARMUP = quick ? 3 : 15;
const plan = (dtype: 'q8' | 'fp32', batch: number): Plan => ({
  dtype,
  batch,
  warmup: batch === 1 ? WARMUP : Math.ceil(WARMUP / 3),
  runs: batch === 1 ? (quick ? 5 : 20) : quick ? 2 : 4,
  blocks: quick ? 1 : 5,
});

async function nodeRun(p: Plan): Promise<{ loadSeconds: number; sentencesPerSecond: number }> {
  const started = performance.now();
  const session = await ort.InferenceSession.create(join(DIR, 'onnx', p.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx'));
  const loadSeconds = (performance.now() - started) / 1000;
  const data = BigInt64Array.from({ length: p.batch * ids.length }, (_, i) => BigInt(ids[i % ids.length]!));
  const feeds = {
    input_ids: new ort.Tensor('int64', data, [p.batch, ids.length]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(data.length).fill(1n), [p.batch, ids.length]),
  };
  for (let i = 0; i < p.warmup; i++) await session.run(feeds);
  const rates: number[] = [];
  for (let b = 0; b < p.blocks; b++) {
    const t0 = performance.now();
    for (let i = 0; i < p.runs; i++) await session.run(feeds);
    rates.push((p.runs * p.batch * 1000) / (performance.now() - t0));
  }
  await session.release();
  return { loadSeconds, sentencesPerSecond: rates.sort((a, b) => a - b)[rates.length >> 1]! };
}

const plans = [plan('q8', 1), plan('q8', 8), plan('fp32', 1)];
const node = [];
for (const p of plans) {
  node.push({ ...p, ...(await nodeRun(p)) });
  log(`onnxruntime-node : ${JSON.stringify(node.at(-1))}`);
}
const nodeRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);

const chromium = await benchModelInChromium(
  MODEL,
  ids,
  texts,
  {
    bare: [
      { plan: plan('q8', 1), builds: ['plain', 'asyncify'], threads: [1, 2] },
      { plan: plan('q8', 8), builds: ['plain'], threads: [1, 2] },
      { plan: plan('fp32', 1), builds: ['plain'], threads: [1, 2] },
    ],
    worker: [plan('q8', 8), plan('fp32', 1), plan('q8', 1)],
  },
  log,
);

const best = (rows: { dtype: string; batch: number; sentencesPerSecond: number }[], dtype: string, batch: number) =>
  Math.max(0, ...rows.filter((r) => r.dtype === dtype && r.batch === batch).map((r) => r.sentencesPerSecond));
const r2 = (x: number) => Math.round(x * 100) / 100;
const summary = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
  browser: chromium.browser,
  crossOriginIsolated: chromium.crossOriginIsolated,
  tokens: ids.length,
  nodeQ8Batch1: r2(best(node, 'q8', 1)),
  nodeQ8Batch8: r2(best(node, 'q8', 8)),
  nodeFp32Batch1: r2(best(node, 'fp32', 1)),
  chromiumWasmQ8Batch1: r2(best(chromium.bare, 'q8', 1)),
  chromiumWasmQ8Batch8: r2(best(chromium.bare, 'q8', 8)),
  chromiumWasmFp32Batch1: r2(best(chromium.bare, 'fp32', 1)),
  appWorkerQ8Batch1: r2(best(chromium.worker, 'q8', 1)),
  appWorkerQ8Batch8: r2(best(chromium.worker, 'q8', 8)),
  appWorkerFp32Batch1: r2(best(chromium.worker, 'fp32', 1)),
  nodeRssMiB,
  browserMemoryMiB: chromium.memoryMiB,
  details: { node, bare: chromium.bare, worker: chromium.worker },
};
const ratio = summary.nodeQ8Batch1 / Math.max(summary.chromiumWasmQ8Batch1, 1e-9);
const workerShare = summary.appWorkerQ8Batch1 / Math.max(summary.chromiumWasmQ8Batch1, 1e-9);
const goals = { nodeOverChromiumQ8Batch1: r2(ratio), within6x: ratio <= 6, appWorkerShareOfBestBare: r2(workerShare), atLeast90Percent: workerShare >= 0.9 };
process.stdout.write(json ? `${JSON.stringify({ ...summary, goals })}\n` : `${JSON.stringify({ ...summary, goals }, null, 2)}\n`);
