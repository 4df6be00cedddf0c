// bench:explain's transformer half: LIME through the app's model worker (Vite dev server, cross-origin isolated
// Chromium) under a transfer head trained on the full-size random-weight CamemBERT, q8 on WASM. The head is stored in
// the page's database the way Modèles stores one, then explained by id, as Prédire does.
import { withChromiumPage } from './chromium';

const MODEL = 'camembert-full-random';

export interface TransformerLimeTiming {
  browser: string;
  backend: string;
  threads: number;
  trainedOn: number;
  /** Wall time of the first explanation (model loaded, V8 warming up) and of the next one (warm), in ms. */
  limeColdMs: number;
  limeWarmMs: number;
  samples: number;
  words: number;
}

export function transformerLime(texts: string[], labels: (0 | 1)[], sentence: string, samples: number): Promise<TransformerLimeTiming> {
  return withChromiumPage(async (page, info) => {
    const run = () =>
      page.evaluate(
        async ({ model, texts, labels, sentence, samples }) => {
          type Rpc = typeof import('../../src/lib/workers/rpc-client');
          type Protocol = import('../../src/lib/workers/model/protocol').ModelProtocol;
          type Db = typeof import('../../src/lib/db/db');
          type Models = typeof import('../../src/lib/db/repos/models');
          const urls = ['/src/lib/workers/rpc-client.ts', '/src/lib/db/db.ts', '/src/lib/db/repos/models.ts'];
          const { RpcClient } = (await import(urls[0]!)) as Rpc;
          const { getDb } = (await import(urls[1]!)) as Db;
          const { saveModel } = (await import(urls[2]!)) as Models;
          const client = new RpcClient<Protocol>(() => new Worker('/src/workers/model.worker.ts', { type: 'module' }), 'model');
          const backend = 'wasm' as const;
          const head = await client.call('transfer/train', { model, dtype: 'q8', backend, texts, labels, options: { folds: 2 } });
          const id = await saveModel(getDb(), { name: 'bench', kind: 'transfer', createdAt: Date.now(), data: head }, false);
          const runtime = await client.call('transformer/runtime', {});
          const predictor = { kind: 'stored' as const, id, backend };
          // No named helper here: tsx would wrap it in a __name() call that the page does not define.
          const times: number[] = [];
          let words = 0;
          for (let i = 0; i < 2; i++) {
            const t0 = performance.now();
            words = (await client.call('predictor/explain', { predictor, sentence, method: 'lime', samples, seed: 1 })).words.length;
            times.push(performance.now() - t0);
          }
          return { backend: runtime?.backend ?? '?', threads: runtime?.threads ?? 0, limeColdMs: Math.round(times[0]!), limeWarmMs: Math.round(times[1]!), words };
        },
        { model: MODEL, texts, labels, sentence, samples },
      );
    // The dev server reloads the page when it first pre-bundles the worker's dependencies (once per newly seen
    // dependency): run again, a few times at most.
    let result;
    for (let attempt = 1; !result; attempt++) {
      try {
        result = await run();
      } catch (error) {
        if (attempt === 4 || !String(error).includes('Execution context was destroyed')) throw error;
        await page.waitForLoadState('load');
      }
    }
    return { browser: info.browser, trainedOn: texts.length, samples, ...result };
  });
}
