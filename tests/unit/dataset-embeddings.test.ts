// The Modèles screen's sentence-vector runs against a scripted model worker: a progress event the worker sends after
// « Arrêter » (its batch in flight finished and was stored) must not bring the stopped run back as running — the
// hang seen in CI, where the run stayed « en cours » at 512 / 4500 for good.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

interface PendingCall {
  on: Record<string, (payload: unknown) => void>;
  resolve(value: unknown): void;
}
const calls: PendingCall[] = [];

// Like RpcClient: aborting rejects at once, and the call's events keep arriving until the worker answers.
vi.mock('../../src/lib/workers/model/client', () => ({
  modelWorker: () => ({
    call: (_name: string, _args: unknown, options: { signal?: AbortSignal; on?: Record<string, (payload: unknown) => void> }) =>
      new Promise((resolve, reject) => {
        calls.push({ on: options.on ?? {}, resolve });
        options.signal?.addEventListener('abort', () => reject(Object.assign(new Error('Opération annulée.'), { name: 'AbortError' })), { once: true });
      }),
  }),
}));
vi.mock('../../src/lib/state/TransformerSettings.svelte', () => ({
  transformerSettings: { loadList: async () => undefined, encoders: [], model: undefined, dtype: 'q8', backend: 'auto' },
}));

const { DatasetEmbeddings } = await import('../../src/lib/state/DatasetEmbeddings.svelte');
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('DatasetEmbeddings', () => {
  it('stays stopped when the worker reports progress after the cancel', async () => {
    const runs = new DatasetEmbeddings();
    const run = runs.start(1, 'tiny-camembert', 'q8');
    await tick();
    const call = calls.at(-1)!;
    call.on['embeddings/progress']!({ done: 256, total: 4500 });
    expect(runs.busy).toBe(true);
    runs.cancel();
    await run;
    expect(runs.busy).toBe(false);
    // The batch in flight when the cancel arrived is stored and reported; the run must not come back.
    call.on['embeddings/progress']!({ done: 512, total: 4500 });
    expect(runs.busy).toBe(false);
    // And a new run can start.
    const next = runs.start(1, 'tiny-camembert', 'q8');
    await tick();
    expect(runs.busy).toBe(true);
    // The stopped call's stragglers do not touch the new run; the new call's events do.
    call.on['embeddings/progress']!({ done: 600, total: 4500 });
    calls.at(-1)!.on['embeddings/progress']!({ done: 768, total: 4500 });
    expect(runs.busy).toBe(true);
    calls.at(-1)!.resolve({ computed: 3732, reused: 768, total: 4500, dims: 32 });
    await next;
    expect(runs.busy).toBe(false);
    expect(runs.finished).toEqual({ computed: 3732, reused: 768 });
  });
});
