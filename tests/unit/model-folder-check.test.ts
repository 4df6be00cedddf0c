// The check a dropped model folder goes through: the tiny CamemBERT passes; each broken variant is refused in French
// with what is wrong, and the ONNX inputs/outputs are read from the protobuf itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { diskFolderFiles } from '../../src/cli/folder-files';
import { checkModelFolder, folderRelative, type FolderFile } from '../../src/lib/core/ml/transformer/model-folder-check';
import { readOnnxSignature } from '../../src/lib/core/ml/transformer/onnx-signature';

const inMemory = (path: string, bytes: Uint8Array): FolderFile => ({
  path,
  size: bytes.length,
  readAt: async (offset, length) => bytes.subarray(offset, offset + length),
});

/** The tiny encoder's files in memory, as a picked folder gives them (prefixed with the folder's name). */
async function tinyFiles(name = TINY_ENCODER): Promise<Map<string, Uint8Array>> {
  const files = await diskFolderFiles(join(FIXTURE_MODELS_DIR, name));
  const out = new Map<string, Uint8Array>();
  for (const f of files) out.set(`${name}/${f.path}`, new Uint8Array(await readFile(join(FIXTURE_MODELS_DIR, name, f.path))));
  return out;
}
const asFolder = (files: Map<string, Uint8Array>) => [...files].map(([p, b]) => inMemory(p, b));
const text = (s: string) => new TextEncoder().encode(s);

/** Replaces an ASCII name inside an ONNX file by another of the same length (the protobuf stays valid). */
function renameInGraph(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const needle = text(from);
  let replaced = 0;
  for (let i = 0; i <= out.length - needle.length; i++) {
    if (needle.every((b, j) => out[i + j] === b)) {
      out.set(text(to), i);
      replaced++;
    }
  }
  expect(replaced).toBeGreaterThan(0);
  return out;
}

describe('model folder check', () => {
  it('accepts the tiny CamemBERT, keeps only what the runtime reads and sizes each precision', async () => {
    const files = await tinyFiles();
    files.set(`${TINY_ENCODER}/model.safetensors`, new Uint8Array(1000));
    const checked = await checkModelFolder(asFolder(files));
    expect(checked.info).toMatchObject({ modelType: 'camembert', kind: 'encoder', hiddenSize: 32 });
    expect(checked.keep.map((f) => f.path).sort()).toEqual(['config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    const size = (p: string) => files.get(`${TINY_ENCODER}/${p}`)!.length;
    const common = size('config.json') + size('tokenizer.json') + size('tokenizer_config.json');
    expect(checked.dtypes).toEqual({ fp32: common + size('onnx/model.onnx'), q8: common + size('onnx/model_quantized.onnx') });
    expect(checked.bytes).toBe(common + size('onnx/model.onnx') + size('onnx/model_quantized.onnx'));
  });

  it('reads the graph inputs and outputs from the protobuf, for both precisions and the classifier', async () => {
    for (const [name, output] of [[TINY_ENCODER, 'last_hidden_state'], [TINY_CLASSIFIER, 'logits']] as const) {
      for (const file of ['onnx/model.onnx', 'onnx/model_quantized.onnx']) {
        const bytes = new Uint8Array(await readFile(join(FIXTURE_MODELS_DIR, name, file)));
        // Reads of 1 KiB at most: the reader must not need the whole file in one piece.
        const signature = await readOnnxSignature(async (o, l) => bytes.subarray(o, o + Math.min(l, 1024)), bytes.length);
        expect(signature).toEqual({ inputs: ['input_ids', 'attention_mask'], outputs: [output] });
      }
    }
  });

  it('accepts a classifier whose labels are dissident / non dissident', async () => {
    const checked = await checkModelFolder(asFolder(await tinyFiles(TINY_CLASSIFIER)));
    expect(checked.info.kind).toBe('classifier');
    expect(checked.info.labels).toEqual(['non dissident', 'dissident']);
  });

  it('names every missing file at once', async () => {
    const files = await tinyFiles();
    files.delete(`${TINY_ENCODER}/tokenizer.json`);
    files.delete(`${TINY_ENCODER}/onnx/model.onnx`);
    files.delete(`${TINY_ENCODER}/onnx/model_quantized.onnx`);
    await expect(checkModelFolder(asFolder(files))).rejects.toMatchObject({
      code: 'usermodels/missingFiles',
      message: 'Dossier de modèle refusé : il manque tokenizer.json, onnx/model_quantized.onnx ou onnx/model.onnx.',
    });
  });

  it('refuses a model type outside the BERT family, saying which it is', async () => {
    const files = await tinyFiles();
    const config = JSON.parse(new TextDecoder().decode(files.get(`${TINY_ENCODER}/config.json`))) as Record<string, unknown>;
    files.set(`${TINY_ENCODER}/config.json`, text(JSON.stringify({ ...config, model_type: 'gpt2' })));
    await expect(checkModelFolder(asFolder(files))).rejects.toMatchObject({ code: 'usermodels/unsupportedType', details: { type: 'gpt2' } });
    await expect(checkModelFolder(asFolder(files))).rejects.toThrow(/type de modèle « gpt2 » n’est pas pris en charge/);
  });

  it('refuses unreadable JSON and a classifier whose labels are not dissident / non dissident', async () => {
    const files = await tinyFiles();
    files.set(`${TINY_ENCODER}/config.json`, text('{ pas du JSON'));
    await expect(checkModelFolder(asFolder(files))).rejects.toThrow('config.json n’est pas un JSON lisible');
    const classifier = await tinyFiles(TINY_CLASSIFIER);
    const config = JSON.parse(new TextDecoder().decode(classifier.get(`${TINY_CLASSIFIER}/config.json`))) as Record<string, unknown>;
    classifier.set(`${TINY_CLASSIFIER}/config.json`, text(JSON.stringify({ ...config, id2label: { 0: 'NEGATIVE', 1: 'POSITIVE' } })));
    await expect(checkModelFolder(asFolder(classifier))).rejects.toThrow(/étiquettes du classifieur \(NEGATIVE, POSITIVE\)/);
  });

  it('refuses a graph without the expected output or input, and a file that is not ONNX', async () => {
    const files = await tinyFiles();
    const path = `${TINY_ENCODER}/onnx/model_quantized.onnx`;
    const original = files.get(path)!;
    files.set(path, renameInGraph(original, 'last_hidden_state', 'pooled_output_xyz'));
    await expect(checkModelFolder(asFolder(files))).rejects.toMatchObject({
      code: 'usermodels/badOnnx',
      message: expect.stringContaining('onnx/model_quantized.onnx : le graphe ONNX ne donne pas « last_hidden_state » (sorties : pooled_output_xyz)'),
    });
    files.set(path, renameInGraph(original, 'attention_mask', 'token_type_ids'));
    await expect(checkModelFolder(asFolder(files))).rejects.toThrow(/n’a pas l’entrée attention_mask/);
    files.set(path, original.subarray(0, 200));
    await expect(checkModelFolder(asFolder(files))).rejects.toThrow(/fichier ONNX est illisible/);
    files.set(path, text('<html>not found</html>'));
    await expect(checkModelFolder(asFolder(files))).rejects.toThrow(/Dossier de modèle refusé : onnx\/model_quantized.onnx : /);
  });

  it('drops the picked folder name only when every file shares it', () => {
    expect(folderRelative([{ path: 'm/config.json' }, { path: 'm/onnx/model.onnx' }]).map((f) => f.path)).toEqual(['config.json', 'onnx/model.onnx']);
    expect(folderRelative([{ path: 'config.json' }, { path: 'onnx/model.onnx' }]).map((f) => f.path)).toEqual(['config.json', 'onnx/model.onnx']);
    expect(folderRelative([{ path: 'a/config.json' }, { path: 'b/onnx/model.onnx' }]).map((f) => f.path)).toEqual(['a/config.json', 'b/onnx/model.onnx']);
  });
});
