// bench:model's browser half: a bare onnxruntime-web session (plain and asyncify WASM builds, 1 and 2 threads) and
// the app's own model worker, on the same full-size model, in cross-origin isolated headless Chromium (Vite dev server).
import type { Page } from '@playwright/test';
import { withChromiumPage, type BrowserInfo } from './chromium';

export interface Plan {
  dtype: 'q8' | 'fp32';
  batch: number;
  warmup: number;
  /** Runs per timed block; the figure is the median block's rate (V8 tiers WASM up gradually, one block can be slow). */
  runs: number;
  blocks: number;
}

export interface BareResult extends Plan {
  build: 'plain' | 'asyncify';
  threads: number;
  loadSeconds: number;
  sentencesPerSecond: number;
  blockRates: number[];
}

export interface WorkerResult extends Plan {
  backend: string;
  threads: number;
  loadSeconds: number;
  sentencesPerSecond: number;
  blockRates: number[];
}

export interface ChromiumModelBench extends BrowserInfo {
  crossOriginIsolated: boolean;
  bare: BareResult[];
  worker: WorkerResult[];
  /** Page and worker memory (JS and WASM) with the last worker's model loaded, by measureUserAgentSpecificMemory. */
  memoryMiB: number | null;
}

const ORT_DIST = '/node_modules/onnxruntime-web/dist/';
const MODULE = { plain: `${ORT_DIST}ort.wasm.min.mjs`, asyncify: `${ORT_DIST}ort.webgpu.min.mjs` };

async function bare(page: Page, modelUrl: string, ids: number[], plan: Plan, build: 'plain' | 'asyncify', threads: number): Promise<BareResult> {
  const result = await page.evaluate(
    async ({ modelUrl, ids, plan, moduleUrl, dist, threads }) => {
      type Ort = typeof import('onnxruntime-web');
      const ort = (await import(moduleUrl)) as Ort;
      ort.env.wasm.wasmPaths = dist;
      ort.env.wasm.numThreads = threads;
      const started = performance.now();
      const session = await ort.InferenceSession.create(modelUrl, { executionProviders: ['wasm'] });
      const loadSeconds = (performance.now() - started) / 1000;
      const data = BigInt64Array.from({ length: plan.batch * ids.length }, (_, i) => BigInt(ids[i % ids.length]!));
      const feeds = {
        input_ids: new ort.Tensor('int64', data, [plan.batch, ids.length]),
        attention_mask: new ort.Tensor('int64', new BigInt64Array(data.length).fill(1n), [plan.batch, ids.length]),
      };
      for (let i = 0; i < plan.warmup; i++) await session.run(feeds);
      const rates: number[] = [];
      for (let b = 0; b < plan.blocks; b++) {
        const t0 = performance.now();
        for (let i = 0; i < plan.runs; i++) await session.run(feeds);
        rates.push((plan.runs * plan.batch * 1000) / (performance.now() - t0));
      }
      await session.release();
      return { loadSeconds, sentencesPerSecond: rates.sort((a, b) => a - b)[rates.length >> 1]!, blockRates: rates };
    },
    { modelUrl, ids, plan, moduleUrl: MODULE[build], dist: ORT_DIST, threads },
  );
  return { ...plan, build, threads, ...result };
}

async function appWorker(page: Page, model: string, texts: string[], plan: Plan, measureMemory: boolean): Promise<WorkerResult & { memoryMiB: number | null }> {
  const result = await page.evaluate(
    async ({ model, texts, plan, measureMemory }) => {
      type Rpc = typeof import('../../src/lib/workers/rpc-client');
      type Protocol = import('../../src/lib/workers/model/protocol').ModelProtocol;
      const rpcUrl = '/src/lib/workers/rpc-client.ts';
      const { RpcClient } = (await import(rpcUrl)) as Rpc;
      const client = new RpcClient<Protocol>(() => new Worker('/src/workers/model.worker.ts', { type: 'module' }), 'model');
      const batch = texts.slice(0, plan.batch);
      const request = { model, dtype: plan.dtype, backend: 'wasm' as const, batchSize: plan.batch };
      const started = performance.now();
      const first = await client.call('transformer/embed', { ...request, texts: batch });
      const loadSeconds = (performance.now() - started) / 1000;
      for (let i = 0; i < plan.warmup; i++) await client.call('transformer/embed', { ...request, texts: batch });
      const rates: number[] = [];
      for (let b = 0; b < plan.blocks; b++) {
        const t0 = performance.now();
        for (let i = 0; i < plan.runs; i++) await client.call('transformer/embed', { ...request, texts: batch });
        rates.push((plan.runs * plan.batch * 1000) / (performance.now() - t0));
      }
      // Chromium answers after its next garbage collection (seconds); only cross-origin isolated pages may ask.
      type Measure = () => Promise<{ bytes: number }>;
      const measure = (performance as unknown as { measureUserAgentSpecificMemory?: Measure }).measureUserAgentSpecificMemory;
      const memoryMiB = measureMemory && measure ? Math.round((await measure.call(performance)).bytes / 2 ** 20) : null;
      return { loadSeconds, sentencesPerSecond: rates.sort((a, b) => a - b)[rates.length >> 1]!, blockRates: rates, backend: first.runtime.backend, threads: first.runtime.threads, memoryMiB };
    },
    { model, texts, plan, measureMemory },
  );
  return { ...plan, ...result };
}

export interface ChromiumPlans {
  bare: { plan: Plan; builds: ('plain' | 'asyncify')[]; threads: number[] }[];
  worker: Plan[];
}

export function benchModelInChromium(model: string, ids: number[], texts: string[], plans: ChromiumPlans, log: (line: string) => void): Promise<ChromiumModelBench> {
  return withChromiumPage(async (page, info) => {
    const crossOriginIsolated = await page.evaluate(() => self.crossOriginIsolated);
    const out: ChromiumModelBench = { ...info, crossOriginIsolated, bare: [], worker: [], memoryMiB: null };
    for (const { plan, builds, threads } of plans.bare) {
      for (const build of builds) {
        for (const t of threads) {
          const file = plan.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx';
          // ONNX Runtime reads its thread count once, when its WASM module first starts: a fresh page for each setting.
          await page.reload();
          out.bare.push(await bare(page, `/models/${model}/onnx/${file}`, ids, plan, build, t));
          log(`navigateur, ORT nu : ${JSON.stringify(out.bare.at(-1))}`);
        }
      }
    }
    for (const [i, plan] of plans.worker.entries()) {
      // A fresh page per run, so each worker starts cold and the previous one's memory is released.
      await page.reload();
      const last = i === plans.worker.length - 1;
      let run;
      try {
        run = await appWorker(page, model, texts, plan, last);
      } catch (error) {
        // The dev server reloads the page once when it first pre-bundles the worker's dependencies: run again.
        if (!String(error).includes('Execution context was destroyed')) throw error;
        await page.waitForLoadState('load');
        run = await appWorker(page, model, texts, plan, last);
      }
      const { memoryMiB, ...result } = run;
      out.worker.push(result);
      if (memoryMiB !== null) out.memoryMiB = memoryMiB;
      log(`navigateur, worker de l’app : ${JSON.stringify(out.worker.at(-1))}`);
    }
    return out;
  });
}
