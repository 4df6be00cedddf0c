// npm run bench:ort-builds [-- --rounds N]: which onnxruntime-web WASM build embeds fastest here. Bare sessions on the
// full-size random CamemBERT (q8, ~30 tokens, batch 1 and 8), a fresh page per measurement (ORT reads numThreads once
// per page), rounds interleaved so the machine's load falls on every variant alike; prints JSON (medians per variant).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadModelFolder } from '../../src/cli/model-folder';
import { withChromiumPage } from './chromium';

const MODEL = 'camembert-full-random';
const DIR = join('public/models', MODEL);
const DIST = '/node_modules/onnxruntime-web/dist/';
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The JS module imported and the WASM build it is pointed at: `webgpu-js` is the module transformers.js imports. */
const VARIANTS = {
  asyncify: { module: 'ort.webgpu.min.mjs', build: 'ort-wasm-simd-threaded.asyncify' },
  'plain-via-webgpu-js': { module: 'ort.webgpu.min.mjs', build: 'ort-wasm-simd-threaded' },
  plain: { module: 'ort.wasm.min.mjs', build: 'ort-wasm-simd-threaded' },
} as const;
type Variant = keyof typeof VARIANTS;

if (!existsSync(join(DIR, 'onnx/model_quantized.onnx'))) execSync('npx tsx scripts/fixtures.ts --full', { stdio: 'inherit' });
const encoder = await loadModelFolder(DIR, { dtype: 'q8' });
const ids = encoder.tokenIds('Phrase 1 : les services publics disparaissent de nos campagnes et les élus ne nous écoutent plus, quelle honte pour notre démocratie !');
await encoder.dispose();

async function measure(page: Page, variant: Variant, threads: number, batch: number): Promise<number> {
  const { module, build } = VARIANTS[variant];
  return page.evaluate(
    async ({ moduleUrl, paths, modelUrl, ids, threads, batch }) => {
      type Ort = typeof import('onnxruntime-web');
      const ort = (await import(moduleUrl)) as Ort;
      ort.env.wasm.wasmPaths = paths;
      ort.env.wasm.numThreads = threads;
      const session = await ort.InferenceSession.create(modelUrl, { executionProviders: ['wasm'] });
      const data = BigInt64Array.from({ length: batch * ids.length }, (_, i) => BigInt(ids[i % ids.length]!));
      const feeds = {
        input_ids: new ort.Tensor('int64', data, [batch, ids.length]),
        attention_mask: new ort.Tensor('int64', new BigInt64Array(data.length).fill(1n), [batch, ids.length]),
      };
      // V8 tiers WASM up gradually: time only after 15 warm-up runs (batch 1), 5 (batch 8).
      for (let i = 0; i < (batch === 1 ? 15 : 5); i++) await session.run(feeds);
      const runs = batch === 1 ? 20 : 5;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await session.run(feeds);
      const seconds = (performance.now() - t0) / 1000;
      await session.release();
      return (runs * batch) / seconds;
    },
    { moduleUrl: DIST + module, paths: { mjs: `${DIST}${build}.mjs`, wasm: `${DIST}${build}.wasm` }, modelUrl: `/models/${MODEL}/onnx/model_quantized.onnx`, ids, threads, batch },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const r2 = (x: number) => Math.round(x * 100) / 100;
const samples = new Map<string, number[]>();
const load = [loadavg()[0]!];
const browser = await withChromiumPage(async (page, info) => {
  for (let round = 0; round < ROUNDS; round++) {
    for (const batch of [1, 8]) {
      for (const threads of [1, 2]) {
        for (const variant of Object.keys(VARIANTS) as Variant[]) {
          await page.reload();
          const key = `${variant} ${threads}t batch${batch}`;
          const value = await measure(page, variant, threads, batch);
          samples.set(key, [...(samples.get(key) ?? []), value]);
          log(`round ${round + 1} ${key}: ${r2(value)} sentences/s`);
        }
      }
    }
    load.push(loadavg()[0]!);
  }
  return info.browser;
});

const results = Object.fromEntries([...samples].map(([k, v]) => [k, { median: r2(median(v)), runs: v.map(r2) }]));
process.stdout.write(`${JSON.stringify({ bench: 'ort-builds', machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`, browser, tokens: ids.length, rounds: ROUNDS, loadAverage: load.map(r2), results })}\n`);
