// The generated CamemBERT test models: protobuf encoding, ONNX graphs against a plain TypeScript forward pass
// (fp32 exactly, q8 within quantisation error), and byte-identical regeneration.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceHidden, referenceLogits } from '../../scripts/fixtures/camembert/reference';
import { ProtoMessage, varint } from '../../scripts/fixtures/onnx/protobuf';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER, TINY_ENCODER, writeTinyModels, type TinyModels } from '../../scripts/fixtures/tiny-models';

describe('protobuf writer', () => {
  it('encodes varints as protobuf does', () => {
    expect(Array.from(varint(1))).toEqual([1]);
    expect(Array.from(varint(300))).toEqual([0xac, 0x02]);
    // A negative int64 takes ten bytes.
    expect(Array.from(varint(-1))).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  });

  it('nests messages with their length', () => {
    const inner = new ProtoMessage().string(1, 'ab');
    const outer = new ProtoMessage().int(1, 150).message(3, inner);
    expect(Array.from(outer.toBytes())).toEqual([0x08, 0x96, 0x01, 0x1a, 0x04, 0x0a, 0x02, 0x61, 0x62]);
  });
});

// Two sentences in one padded batch: ids from the tiny vocabulary, the second padded with id 1.
const IDS = [
  [5, 10, 40, 77, 120, 33, 6],
  [5, 200, 61, 6, 1, 1, 1],
];
const MASK = IDS.map((row) => row.map((id) => (id === 1 ? 0 : 1)));

async function run(path: string): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(path);
  const feed = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);
  const out = await session.run({ input_ids: feed(IDS), attention_mask: feed(MASK) });
  await session.release();
  return out[session.outputNames[0]!]!;
}

describe('tiny CamemBERT models', () => {
  let dir: string;
  let models: TinyModels;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tiny-camembert-'));
    models = await writeTinyModels(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('regenerates byte for byte what the test setup wrote', () => {
    for (const name of [TINY_ENCODER, TINY_CLASSIFIER]) {
      for (const file of ['config.json', 'tokenizer.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx']) {
        expect(readFileSync(join(dir, name, file)).equals(readFileSync(join(FIXTURE_MODELS_DIR, name, file))), `${name}/${file}`).toBe(true);
      }
    }
  });

  const maxDifference = (actual: Float32Array, expected: number[]) => Math.max(...expected.map((v, i) => Math.abs(actual[i]! - v)));

  it.each([
    ['fp32', 'model.onnx', 1e-4],
    ['q8', 'model_quantized.onnx', 0.15],
  ])('encoder %s matches the reference forward pass on unpadded tokens', async (_, file, tolerance) => {
    const out = await run(join(dir, TINY_ENCODER, 'onnx', file));
    expect(out.dims).toEqual([2, 7, 32]);
    const data = out.data as Float32Array;
    for (let s = 0; s < IDS.length; s++) {
      const hidden = referenceHidden(models.encoder, IDS[s]!, MASK[s]!);
      const tokens = MASK[s]!.filter(Boolean).length;
      const expected = hidden.slice(0, tokens).flatMap((row) => Array.from(row));
      const diff = maxDifference(data.subarray(s * 7 * 32), expected);
      expect(diff).toBeLessThan(tolerance);
      // The check is not vacuous: outputs have unit-scale values.
      expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(0.5);
    }
  });

  it.each([
    ['fp32', 'model.onnx', 1e-4],
    ['q8', 'model_quantized.onnx', 0.2],
  ])('classifier %s logits match the reference', async (_, file, tolerance) => {
    const out = await run(join(dir, TINY_CLASSIFIER, 'onnx', file));
    expect(out.dims).toEqual([2, 2]);
    const expected = IDS.flatMap((ids, s) => Array.from(referenceLogits(models.classifier, ids, MASK[s]!)));
    expect(maxDifference(out.data as Float32Array, expected)).toBeLessThan(tolerance);
  });
});
