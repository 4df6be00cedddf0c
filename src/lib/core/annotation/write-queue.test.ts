// The ordered write queue: order kept across batches, batching while a commit runs, withdrawal, retry after failure.
import { describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

/** A commit that records its batches and finishes only when told to. */
function manualCommit() {
  const batches: number[][] = [];
  const finish: ((error?: Error) => void)[] = [];
  const commit = (batch: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push([...batch]);
      finish.push((error) => (error ? reject(error) : resolve()));
    });
  return { batches, finish, commit };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WriteQueue', () => {
  it('commits the first push at once, then everything pushed meanwhile in one batch, in order', async () => {
    const m = manualCommit();
    const queue = new WriteQueue<number>({ commit: m.commit });
    const done: number[] = [];
    for (const n of [1, 2, 3]) void queue.push(n).then(() => done.push(n));
    await tick();
    expect(m.batches).toEqual([[1, 2, 3]]);
    for (const n of [4, 5]) void queue.push(n).then(() => done.push(n));
    await tick();
    expect(m.batches).toHaveLength(1);
    expect(queue.pending).toBe(5);
    m.finish[0]!();
    await tick();
    expect(done).toEqual([1, 2, 3]);
    expect(m.batches).toEqual([[1, 2, 3], [4, 5]]);
    m.finish[1]!();
    await queue.idle();
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(queue.pending).toBe(0);
  });

  it('withdraws an operation still waiting, never one being written', async () => {
    const m = manualCommit();
    const queue = new WriteQueue<number>({ commit: m.commit });
    void queue.push(1);
    await tick();
    void queue.push(2);
    void queue.push(3);
    expect(queue.withdraw(1)).toBe(false);
    expect(queue.withdraw(3)).toBe(true);
    expect(queue.withdraw(3)).toBe(false);
    m.finish[0]!();
    await tick();
    expect(m.batches).toEqual([[1], [2]]);
    m.finish[1]!();
    await queue.idle();
  });

  it('keeps a failed batch at the head and tries it again before anything pushed later', async () => {
    const m = manualCommit();
    const errors: unknown[] = [];
    const queue = new WriteQueue<number>({ commit: m.commit, onError: (e) => errors.push(e), retryDelay: () => 5 });
    void queue.push(1);
    void queue.push(2);
    await tick();
    m.finish[0]!(new Error('QuotaExceededError'));
    await tick();
    expect(queue.failing).toBe(true);
    expect(errors).toHaveLength(1);
    void queue.push(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(m.batches).toEqual([[1, 2], [1, 2]]);
    m.finish[1]!();
    await tick();
    expect(m.batches).toEqual([[1, 2], [1, 2], [3]]);
    expect(queue.failing).toBe(false);
    m.finish[2]!();
    await queue.idle();
    expect(queue.pending).toBe(0);
  });
});
