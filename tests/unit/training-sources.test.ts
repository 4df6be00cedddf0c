// Training sources: one per dataset with gold labels, counted without inclassable sentences, loaded afresh.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DissidentiaDb } from '../../src/lib/db/db';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { demoCorpus } from '../../src/lib/demo/corpus';
import { datasetSources } from '../../src/lib/state/training-sources';

describe('datasetSources', () => {
  it('offers the seeded demo dataset with its dissident and non-dissident sentences', async () => {
    const db = new DissidentiaDb(`test-${Math.random()}`);
    expect(await datasetSources(db)).toEqual([]);
    const datasetId = await ensureDemoDataset(db);
    const sentences = demoCorpus.answers.flatMap((a) => a.sentences).filter((s) => s.label !== 'inclassable');
    const [source, ...rest] = await datasetSources(db);
    expect(rest).toEqual([]);
    expect(source?.id).toBe(`dataset-${datasetId}`);
    expect(source?.count).toBe(sentences.length);
    const set = await source!.load();
    expect(set.texts).toHaveLength(sentences.length);
    expect(set.labels.filter((l) => l === 1)).toHaveLength(sentences.filter((s) => s.label === 'dissident').length);
    expect(set.guidelineVersion).toBe(1);
  });
});
