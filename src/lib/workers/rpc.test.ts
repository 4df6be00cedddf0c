import { describe, expect, it } from 'vitest';
import { RpcClient, serve, type Endpoint, type Handlers } from './rpc';

type TestProtocol = {
  requests: {
    'math/add': { args: { a: number; b: number }; result: number };
    'slow/wait': { args: { steps: number }; result: string };
  };
  events: { 'slow/progress': { step: number } };
};

function pair() {
  const channel = new MessageChannel();
  // Node's types give MessagePort listeners a plain Event; at run time they receive MessageEvents.
  const [port1, port2] = [channel.port1, channel.port2];
  const handlers: Handlers<TestProtocol> = {
    'math/add': ({ a, b }) => a + b,
    'slow/wait': async ({ steps }, { signal, emit }) => {
      for (let step = 1; step <= steps; step++) {
        if (signal.aborted) throw new DOMException('stopped', 'AbortError');
        emit('slow/progress', { step });
        await new Promise((r) => setTimeout(r, 5));
      }
      return 'done';
    },
  };
  serve<TestProtocol>(port2 as unknown as Endpoint, handlers);
  port1.start();
  port2.start();
  return { client: new RpcClient<TestProtocol>(port1 as unknown as Endpoint), close: () => (port1.close(), port2.close()) };
}

describe('rpc', () => {
  it('answers typed requests and forwards events', async () => {
    const { client, close } = pair();
    const steps: number[] = [];
    client.on('slow/progress', (p) => steps.push(p.step));
    expect(await client.call('math/add', { a: 2, b: 3 })).toBe(5);
    expect(await client.call('slow/wait', { steps: 3 })).toBe('done');
    expect(steps).toEqual([1, 2, 3]);
    close();
  });

  it('rejects unknown requests explicitly', async () => {
    const { client, close } = pair();
    // Bypasses the types on purpose to reach the worker's unknown-name branch.
    await expect(client.call('nope/missing' as 'math/add', { a: 1, b: 1 })).rejects.toThrow(/Requête inconnue/);
    close();
  });

  it('cancels with an AbortSignal', async () => {
    const { client, close } = pair();
    const controller = new AbortController();
    const pending = client.call('slow/wait', { steps: 1000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    close();
  });
});
