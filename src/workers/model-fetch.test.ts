// The worker's fetch for transformers.js: a second GET of a file reuses the first response while its body is unread.
import { describe, expect, it } from 'vitest';
import { sharingFetch } from './model-fetch';

function counting() {
  const calls: string[] = [];
  const base = async (input: string | URL) => {
    calls.push(String(input));
    return new Response(`contenu de ${String(input)}`, { headers: { 'content-length': '42' } });
  };
  return { calls, base };
}

describe('sharingFetch', () => {
  it('serves a headers-only read and the full read with one request', async () => {
    const { calls, base } = counting();
    const fetch = sharingFetch(base);
    const meta = await fetch('/models/m/onnx/model_quantized.onnx');
    expect(meta.headers.get('content-length')).toBe('42');
    const full = await fetch('/models/m/onnx/model_quantized.onnx', { headers: {} });
    expect(await full.text()).toBe('contenu de /models/m/onnx/model_quantized.onnx');
    expect(calls).toEqual(['/models/m/onnx/model_quantized.onnx']);
  });

  it('fetches again once the body was read, and keeps files apart', async () => {
    const { calls, base } = counting();
    const fetch = sharingFetch(base);
    await (await fetch('/a')).text();
    await (await fetch('/a')).text();
    await fetch('/b');
    expect(calls).toEqual(['/a', '/a', '/b']);
  });

  it('fetches again after the response waited too long, and never shares other methods', async () => {
    const { calls, base } = counting();
    let clock = 0;
    const fetch = sharingFetch(base, () => clock);
    await fetch('/a');
    clock = 121_000;
    await fetch('/a');
    await fetch('/h', { method: 'HEAD' });
    await fetch('/h', { method: 'HEAD' });
    expect(calls).toEqual(['/a', '/a', '/h', '/h']);
  });
});
