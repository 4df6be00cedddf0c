// The build's model manifest: usable folders listed with kind, size and download size per precision; broken ones left out.
import { cpSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { buildManifest } from '../../scripts/models-plugin';

const root = mkdtempSync(join(tmpdir(), 'models-manifest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('models manifest', () => {
  it('lists encoders and classifiers with their download sizes, and skips broken folders', () => {
    cpSync(join(FIXTURE_MODELS_DIR, TINY_ENCODER), join(root, 'encoder'), { recursive: true });
    cpSync(join(FIXTURE_MODELS_DIR, TINY_CLASSIFIER), join(root, 'classifier'), { recursive: true });
    // fp32 only: its q8 graph is removed.
    cpSync(join(FIXTURE_MODELS_DIR, TINY_ENCODER), join(root, 'fp32-only'), { recursive: true });
    unlinkSync(join(root, 'fp32-only/onnx/model_quantized.onnx'));
    cpSync(join(FIXTURE_MODELS_DIR, TINY_ENCODER), join(root, 'no-type'), { recursive: true });
    writeFileSync(join(root, 'no-type/config.json'), '{"hidden_size": 32}');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const { models } = buildManifest([root]);
    expect(models.map((m) => m.name)).toEqual(['classifier', 'encoder', 'fp32-only']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Modèle no-type ignoré'));
    const size = (dir: string, files: string[]) => files.reduce((s, f) => s + statSync(join(root, dir, f)).size, 0);
    const common = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
    expect(models[1]).toEqual({
      name: 'encoder', kind: 'encoder', modelType: 'camembert', hiddenSize: 32,
      dtypes: { q8: size('encoder', [...common, 'onnx/model_quantized.onnx']), fp32: size('encoder', [...common, 'onnx/model.onnx']) },
    });
    expect(models[0]).toMatchObject({ kind: 'classifier', labels: ['non dissident', 'dissident'] });
    expect(Object.keys(models[2]!.dtypes)).toEqual(['fp32']);
    warn.mockRestore();
  });
});
