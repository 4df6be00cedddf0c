// The app's labelling write path on fake-indexeddb: a fast burst is stored in order in few transactions, undo acts on
// the last key pressed whether its write waits, runs or is done, and committed changes move the progress counts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LabelChange } from '../../src/lib/core/annotation/progress';
import { DissidentiaDb } from '../../src/lib/db/db';
import { createAnnotator } from '../../src/lib/db/repos/annotators';
import { ensureDemoDataset } from '../../src/lib/db/repos/demo-seed';
import { writeLabelBatch, type LabelOp } from '../../src/lib/db/repos/label-writes';
import { listSentenceIds } from '../../src/lib/db/repos/sentences';
import { datasetProgress } from '../../src/lib/db/repos/progress';
import { LabelWriter } from '../../src/lib/state/LabelWriter.svelte';

async function setup() {
  const db = new DissidentiaDb(`writer-${Math.random()}`);
  const datasetId = await ensureDemoDataset(db);
  const alice = await createAnnotator(db, 'Alice');
  const ids = await listSentenceIds(db, datasetId);
  const batches: LabelOp[][] = [];
  const writer = new LabelWriter((batch) => {
    batches.push([...batch]);
    return writeLabelBatch(db, batch);
  });
  const label = (i: number, value = 'dissident') => writer.label({ datasetId, sentenceIds: [ids[i]!], annotatorId: alice, label: value, guidelineVersion: 1, position: i });
  const stored = async () => new Map((await db.annotations.where('annotatorId').equals(alice).toArray()).map((a) => [a.sentenceId, a.label]));
  return { db, datasetId, alice, ids, writer, batches, label, stored };
}

describe('LabelWriter', () => {
  it('stores a burst of 30 keys in order, in a few transactions, with nothing pending after', async () => {
    const { writer, batches, label, stored, ids } = await setup();
    for (let i = 0; i < 30; i++) void label(i, i % 2 ? 'dissident' : 'non dissident');
    expect(writer.pending).toBe(30);
    await writer.idle();
    expect(writer.pending).toBe(0);
    expect(batches.length).toBeLessThanOrEqual(2);
    const order = batches.flat().flatMap((op) => (op.kind === 'set' ? op.sentenceIds : []));
    expect(order).toEqual(ids.slice(0, 30));
    const labels = await stored();
    expect(labels.size).toBe(30);
    expect(labels.get(ids[1]!)).toBe('dissident');
    expect(labels.get(ids[2]!)).toBe('non dissident');
  });

  it('withdraws the last key when undo comes before its write, and says which step it undid', async () => {
    const { writer, batches, label, stored, ids } = await setup();
    void label(0);
    void label(1);
    void label(2, 'inclassable');
    const step = writer.undo();
    expect(step?.op.label).toBe('inclassable');
    expect(step?.position).toBe(2);
    await writer.idle();
    expect([...(await stored()).keys()]).toEqual([ids[0], ids[1]]);
    // Withdrawn, not written then reverted: no batch holds it.
    expect(batches.flat().some((op) => op === step?.op || op.kind === 'revert')).toBe(false);
    expect(writer.pending).toBe(0);
  });

  it('reverts a key already stored, putting back the label it replaced', async () => {
    const { writer, label, stored, ids } = await setup();
    await label(0, 'non dissident');
    await label(0, 'dissident');
    expect((await stored()).get(ids[0]!)).toBe('dissident');
    writer.undo();
    await writer.idle();
    expect((await stored()).get(ids[0]!)).toBe('non dissident');
    writer.undo();
    await writer.idle();
    expect((await stored()).size).toBe(0);
    expect(writer.undo()).toBeUndefined();
  });

  it('reverts a key whose write is running, after it, never before', async () => {
    const { writer, batches, label, stored } = await setup();
    void label(0);
    // Let the first batch start (a microtask) so that the key is being written when undo comes.
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    writer.undo();
    await writer.idle();
    expect(batches.map((b) => b.map((op) => op.kind))).toEqual([['set'], ['revert']]);
    expect((await stored()).size).toBe(0);
  });

  it('30 keys at random with undos in between leave exactly what the keys say', async () => {
    const { writer, label, stored, ids } = await setup();
    const expected = new Map<number, string>();
    const history: [number, string | undefined][] = [];
    for (let i = 0; i < 30; i++) {
      if (i % 7 === 6) {
        writer.undo();
        const [id, before] = history.pop()!;
        if (before === undefined) expected.delete(id);
        else expected.set(id, before);
      } else {
        const id = ids[i % 10]!;
        history.push([id, expected.get(id)]);
        const value = i % 3 ? 'dissident' : 'non dissident';
        expected.set(id, value);
        void label(i % 10, value);
      }
      if (i % 4 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await writer.idle();
    expect(await stored()).toEqual(expected);
  });

  it('tells committed changes so that counts follow without reading the dataset again', async () => {
    const { db, datasetId, alice, writer, label } = await setup();
    const before = await datasetProgress(db, datasetId);
    const changes: LabelChange[] = [];
    writer.onChanges((c) => changes.push(...c));
    void label(0);
    void label(1);
    await label(0, 'inclassable');
    expect(changes.map((c) => [c.before.includes(alice), c.after.includes(alice)])).toEqual([
      [false, true],
      [false, true],
      [true, true],
    ]);
    const after = await datasetProgress(db, datasetId);
    expect(after.perAnnotator.find((p) => p.annotatorId === alice)?.count).toBe(2);
    expect(after.labelled - before.labelled).toBe(2);
  });

  it('keeps labels queued when the database refuses them, and stores them once it accepts', async () => {
    const { db, ids, alice, datasetId } = await setup();
    let refuse = true;
    const flaky = new LabelWriter((batch) => (refuse ? Promise.reject(new Error('QuotaExceededError')) : writeLabelBatch(db, batch)));
    void flaky.label({ datasetId, sentenceIds: [ids[0]!], annotatorId: alice, label: 'dissident', guidelineVersion: 1 });
    await new Promise((r) => setTimeout(r, 10));
    expect(flaky.error).toBe('QuotaExceededError');
    expect(flaky.pending).toBe(1);
    refuse = false;
    flaky.retryNow();
    await flaky.idle();
    expect(flaky.error).toBeUndefined();
    expect(await db.annotations.where('annotatorId').equals(alice).count()).toBe(1);
  });
});
