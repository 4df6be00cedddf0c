// The page side of bench:similar, loaded from the Vite dev server into Chromium: imports a file with the app's
// import worker, times text search before and after the inverted index, TF-IDF similarity, and dense top-k cosine.
import { mulberry32 } from '../../src/lib/core/random';
import { denseSimilar, quantiseInt8, toFloat16, type VectorBlock } from '../../src/lib/core/search/dense';
import { previewBytes, PREVIEW_BYTES } from '../../src/lib/core/csv/preview';
import { getDb } from '../../src/lib/db/db';
import { openSearchIndex } from '../../src/lib/db/repos/search-index';
import { searchSentences } from '../../src/lib/db/repos/sentence-search';
import { listSentenceIds } from '../../src/lib/db/repos/sentences';
import { similarSentences } from '../../src/lib/db/repos/similar-sentences';
import { importWorker } from '../../src/lib/workers/import/client';

const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await work();
  return [out, performance.now() - t];
}

/** Imports a file through the app's import worker, as the Données screen does. */
export async function importInWorker(file: File): Promise<{ datasetId: number; seconds: number }> {
  const preview = previewBytes(new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer()), file.size);
  let reported = 0;
  const request = { textColumn: preview.textColumn, idColumn: preview.idColumn, keepColumns: [], textHeader: preview.headers[preview.textColumn] ?? '' };
  const [outcome, ms] = await timed(() =>
    importWorker().call(
      'import/run',
      { file, request },
      {
        on: {
          'import/progress': (p) => {
            // Shown on the bench's stderr: an import of a large file on a loaded machine takes minutes.
            if (p.bytesRead - reported < 20 * 2 ** 20) return;
            reported = p.bytesRead;
            console.info(`import: ${Math.round(p.bytesRead / 2 ** 20)} MB read`);
          },
        },
      },
    ),
  );
  return { datasetId: outcome.datasetId, seconds: round(ms / 1000) };
}

/** The index build in the import worker, as after an import in the app. */
async function buildInWorker(datasetId: number) {
  return timed(() => importWorker().call('search/ensureIndex', { datasetId }));
}

/** Text search without an index (today's scan), then the index build, then searches through it. */
export async function benchSearch(datasetId: number, term: string, phrase: string) {
  const sentences = (await listSentenceIds(getDb(), datasetId, 0)).length;
  const [scan, scanMs] = await timed(() => searchSentences(getDb(), { datasetId, text: term }));
  const [facts, buildMs] = await buildInWorker(datasetId);
  // Cold: the index row (vocabulary, norms, sentence map) is read from IndexedDB on this first search.
  const [cold, coldMs] = await timed(() => searchSentences(getDb(), { datasetId, text: term }));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed(() => searchSentences(getDb(), { datasetId, text: term })))[1]);
  const [multi, phraseMs] = await timed(() => searchSentences(getDb(), { datasetId, text: phrase }));
  return {
    sentences,
    term,
    hits: cold.total,
    sameHitsAsScan: cold.total === scan.total && cold.rows.every((r, i) => r.sentence.id === scan.rows[i]?.sentence.id),
    scanMs: Math.round(scanMs),
    indexedColdMs: Math.round(coldMs),
    indexedWarmMedianMs: round(median(warm)),
    phrase,
    phraseHits: multi.total,
    phraseMs: Math.round(phraseMs),
    index: { buildSeconds: round(buildMs / 1000), storedMB: round(facts.bytes / 2 ** 20), terms: facts.terms },
  };
}

/** TF-IDF neighbours (k = 20) of sentences drawn at random, through the stored index. */
export async function benchSimilar(datasetId: number, queries = 10) {
  const [facts, buildMs] = await buildInWorker(datasetId);
  const ids = await listSentenceIds(getDb(), datasetId, 0);
  await openSearchIndex(getDb(), datasetId);
  const random = mulberry32(7);
  const times: number[] = [];
  const least: number[] = [];
  for (let i = 0; i < queries; i++) {
    const sentenceId = ids[Math.floor(random() * ids.length)]!;
    times.push((await timed(() => similarSentences(getDb(), { datasetId, sentenceId, k: 20 })))[1]);
    least.push((await timed(() => similarSentences(getDb(), { datasetId, sentenceId, k: 20, order: 'least' })))[1]);
  }
  return { sentences: ids.length, indexBuildSeconds: round(buildMs / 1000), indexStoredMB: round(facts.bytes / 2 ** 20), k: 20, queries, medianMs: round(median(times)), maxMs: round(max(times)), leastMedianMs: round(median(least)) };
}

/** Dense top-20 cosine over random unit vectors stored as int8 with scale, or float16. */
export async function benchDense(count: number, dims: number) {
  const random = mulberry32(11);
  const ids = Uint32Array.from({ length: count }, (_, i) => i);
  const int8 = new Int8Array(count * dims);
  const scales = new Float32Array(count);
  const half = new Uint16Array(count * dims);
  const row = new Float32Array(dims);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dims; j++) row[j] = random() * 2 - 1;
    const q = quantiseInt8(row);
    int8.set(q.values, i * dims);
    scales[i] = q.scale;
    for (let j = 0; j < dims; j++) half[i * dims + j] = toFloat16(row[j]!);
  }
  const blocks: Record<'int8' | 'float16', VectorBlock> = {
    int8: { kind: 'int8', dims, ids, values: int8, scales },
    float16: { kind: 'float16', dims, ids, values: half },
  };
  const out: Record<string, { medianMs: number; maxMs: number }> = {};
  for (const kind of ['int8', 'float16'] as const) {
    const times: number[] = [];
    for (let q = 0; q < 5; q++) {
      const query = Float32Array.from({ length: dims }, () => random() * 2 - 1);
      times.push((await timed(() => denseSimilar(query, () => [blocks[kind]], { k: 20 })))[1]);
    }
    out[kind] = { medianMs: round(median(times)), maxMs: round(max(times)) };
  }
  return { vectors: count, dims, k: 20, ...out };
}
