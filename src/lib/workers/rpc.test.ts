import { describe, expect, it } from 'vitest';
import { CodedError } from '../core/errors';
import { serve, type Endpoint, type Handlers } from './rpc';
import { RpcClient } from './rpc-client';

type TestProtocol = {
  requests: {
    'math/add': { args: { a: number; b: number }; result: number };
    'slow/wait': { args: { steps: number; tag?: string }; result: string };
    'fail/coded': { args: { coded: boolean }; result: never };
  };
  events: { 'slow/progress': { step: number; tag?: string }; 'slow/stopped': { at: number } };
};

/** How each 'slow/wait' run ended on the worker's side: the step it reached and whether its signal stopped it. */
interface Run {
  steps: number;
  ended: Promise<'aborted' | 'completed'>;
}

function worker() {
  const runs: Run[] = [];
  const handlers: Handlers<TestProtocol> = {
    'math/add': ({ a, b }) => a + b,
    'slow/wait': async ({ steps, tag }, { signal, emit }) => {
      let finish!: (how: 'aborted' | 'completed') => void;
      const run: Run = { steps: 0, ended: new Promise((resolve) => (finish = resolve)) };
      runs.push(run);
      for (let step = 1; step <= steps; step++) {
        if (signal.aborted) {
          emit('slow/stopped', { at: run.steps });
          finish('aborted');
          throw new DOMException('stopped', 'AbortError');
        }
        run.steps = step;
        emit('slow/progress', { step, tag });
        await new Promise((r) => setTimeout(r, 1));
      }
      finish('completed');
      return 'done';
    },
    'fail/coded': ({ coded }) => {
      if (coded) throw new CodedError('train/tooFew', 'Il faut au moins 2 phrases.', { positives: 1, negatives: 9 });
      throw new TypeError('boum');
    },
  };
  return { handlers, runs };
}

/** A client whose every (re)start makes a fresh MessageChannel served by the handlers; `ends` are the page sides. */
function setup() {
  const { handlers, runs } = worker();
  const ends: MessagePort[] = [];
  const client = new RpcClient<TestProtocol>(() => {
    const channel = new MessageChannel();
    serve<TestProtocol>(channel.port2 as unknown as Endpoint, handlers);
    channel.port1.start();
    channel.port2.start();
    ends.push(channel.port1);
    const endpoint = channel.port1 as unknown as Endpoint;
    return Object.assign(endpoint, { terminate: () => (channel.port1.close(), channel.port2.close()) });
  }, 'test');
  const close = () => ends.forEach((port) => port.close());
  return { client, runs, ends, close };
}

describe('rpc', () => {
  it('answers typed requests, and a call’s events reach that call only', async () => {
    const { client, close } = setup();
    expect(await client.call('math/add', { a: 2, b: 3 })).toBe(5);
    const seen: Record<string, string[]> = { a: [], b: [] };
    const listen = (who: 'a' | 'b') => ({ 'slow/progress': (p: { step: number; tag?: string }) => seen[who]!.push(`${p.tag}${p.step}`) });
    const results = await Promise.all([
      client.call('slow/wait', { steps: 3, tag: 'a' }, { on: listen('a') }),
      client.call('slow/wait', { steps: 2, tag: 'b' }, { on: listen('b') }),
    ]);
    expect(results).toEqual(['done', 'done']);
    expect(seen).toEqual({ a: ['a1', 'a2', 'a3'], b: ['b1', 'b2'] });
    close();
  });

  it('rejects unknown requests explicitly, with a code', async () => {
    const { client, close } = setup();
    // Bypasses the types on purpose to reach the worker's unknown-name branch.
    const call = client.call('nope/missing' as 'math/add', { a: 1, b: 1 });
    await expect(call).rejects.toThrow(/Requête inconnue/);
    await expect(call).rejects.toMatchObject({ code: 'rpc/unknownRequest', details: { name: 'nope/missing' } });
    close();
  });

  it('carries an error’s code and details across, and marks uncoded errors as unexpected', async () => {
    const { client, close } = setup();
    await expect(client.call('fail/coded', { coded: true })).rejects.toMatchObject({
      code: 'train/tooFew',
      details: { positives: 1, negatives: 9 },
      message: 'Il faut au moins 2 phrases.',
    });
    await expect(client.call('fail/coded', { coded: false })).rejects.toMatchObject({ code: 'rpc/unexpected', name: 'TypeError', details: { message: 'boum' } });
    close();
  });

  it('cancels: the handler’s signal is aborted and its run stops early; its last events still reach the call', async () => {
    const { client, runs, close } = setup();
    const controller = new AbortController();
    const stopped: number[] = [];
    let progressed = 0;
    const on = { 'slow/progress': () => void progressed++, 'slow/stopped': ({ at }: { at: number }) => void stopped.push(at) };
    const pending = client.call('slow/wait', { steps: 400 }, { signal: controller.signal, on });
    await expect.poll(() => progressed).toBeGreaterThan(2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', code: 'rpc/aborted' });
    // The worker side: a handler that ignored its signal would run all 400 steps and end 'completed'.
    expect(await runs[0]!.ended).toBe('aborted');
    expect(runs[0]!.steps).toBeLessThan(400);
    await expect.poll(() => stopped).toEqual([runs[0]!.steps]);
    close();
  });

  for (const [event, code] of [
    ['error', 'rpc/workerFailed'],
    ['messageerror', 'rpc/messageError'],
  ] as const) {
    it(`rejects every pending call when the worker fires '${event}', then starts a fresh worker`, async () => {
      const { client, ends, close } = setup();
      const first = client.call('slow/wait', { steps: 400 });
      const second = client.call('slow/wait', { steps: 400 });
      await expect.poll(() => ends.length).toBe(1);
      ends[0]!.dispatchEvent(new Event(event));
      await expect(first).rejects.toMatchObject({ code, details: { worker: 'test' } });
      await expect(second).rejects.toThrow(/processus de calcul « test »/);
      expect(client.starts).toBe(1);
      expect(await client.call('math/add', { a: 1, b: 2 })).toBe(3);
      expect(client.starts).toBe(2);
      close();
    });
  }
});
