import { describe, expect, it } from 'vitest';
import { onDemand } from './on-demand';

describe('onDemand', () => {
  it('loads once for every caller, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const get = onDemand(async () => {
      calls += 1;
      if (fail) throw new Error('hors ligne');
      return calls;
    });
    await expect(Promise.all([get(), get()])).rejects.toThrow('hors ligne');
    expect(calls).toBe(1);
    fail = false;
    expect(await Promise.all([get(), get()])).toEqual([2, 2]);
    expect(await get()).toBe(2);
  });
});
