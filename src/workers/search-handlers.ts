// Import-worker handlers for search: index builds (one at a time per dataset) and near-duplicate grouping.
import { nearDuplicateGroups } from '../lib/core/search/near-duplicates';
import { getDb } from '../lib/db/db';
import { ensureSearchIndex, type IndexFacts } from '../lib/db/repos/search-index';
import { sentenceTexts } from '../lib/db/repos/similar-sentences';
import type { ImportProtocol } from '../lib/workers/import/protocol';
import type { Handlers } from '../lib/workers/rpc';

/** Up to five distinct texts among a group's sentences, in file order. */
function samplesOf(ids: readonly number[], text: ReadonlyMap<number, string>): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.size >= 5) break;
    seen.add(text.get(id) ?? '');
  }
  return [...seen];
}

// Two screens asking for the same dataset's index share one build.
const building = new Map<number, Promise<IndexFacts>>();

export const searchHandlers = {
  'search/ensureIndex': ({ datasetId }, { emit }) => {
    let build = building.get(datasetId);
    if (!build) {
      build = ensureSearchIndex(getDb(), datasetId, { onProgress: (done, total) => emit('search/indexProgress', { datasetId, done, total }) }).finally(() =>
        building.delete(datasetId),
      );
      building.set(datasetId, build);
    }
    return build;
  },
  'search/nearDuplicates': async ({ datasetId, threshold, limit = 300 }) => {
    const started = performance.now();
    const sentences = await sentenceTexts(getDb(), datasetId);
    const text = new Map(sentences.map((s) => [s.id, s.text]));
    const groups = nearDuplicateGroups(sentences, { threshold });
    return {
      sentences: sentences.length,
      groupCount: groups.length,
      sentencesInGroups: groups.reduce((n, g) => n + g.ids.length, 0),
      groups: groups.slice(0, limit).map((g) => ({ ...g, text: text.get(g.ids[0]!) ?? '', samples: samplesOf(g.ids, text) })),
      seconds: Math.round(performance.now() - started) / 1000,
    };
  },
} satisfies Pick<Handlers<ImportProtocol>, 'search/ensureIndex' | 'search/nearDuplicates'>;
