// A generated workspace backed up and restored into an empty database comes back identical, table by table (the
// 250,000-sentence size is npm run bench:backup; here a smaller one keeps the unit suite quick under fake-indexeddb).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DissidentiaDb } from '../../src/lib/db/db';
import { createBackup, parseBackup, restoreBackup, serialiseBackup } from '../../src/lib/db/repos/backup';
import { datasetSentences } from '../../src/lib/db/repos/sentences';
import { fillWorkspace } from '../../scripts/bench/backup-workspace';
import { dumpDb } from './helpers/db-faults';

describe('backup round trip', () => {
  it('10,000 sentences and 1,000 annotations come back identical in an empty database', async () => {
    const source = new DissidentiaDb(`roundtrip-source-${Math.random()}`);
    await fillWorkspace(source, { sentences: 10_000, annotations: 1_000 });
    const text = serialiseBackup(await createBackup(source));
    const target = new DissidentiaDb(`roundtrip-target-${Math.random()}`);
    await restoreBackup(target, parseBackup(text));
    const [before, after] = [await dumpDb(source), await dumpDb(target)];
    for (const table of ['datasets', 'answers', 'annotators', 'annotations', 'guidelines', 'models', 'settings']) expect(after[table], table).toEqual(before[table]);
    expect(after.answers).toHaveLength(1_000);
    expect(after.annotations).toHaveLength(1_000);
    // Typed arrays come back typed, and the sentences read through them are the same.
    const model = after.models![0] as { data: { weights: unknown } };
    expect(model.data.weights).toBeInstanceOf(Float32Array);
    expect((await datasetSentences(target, 1)).map((s) => s.text)).toEqual((await datasetSentences(source, 1)).map((s) => s.text));
  });
});
