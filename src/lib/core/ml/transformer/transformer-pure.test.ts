// Pure pieces of the transformer layer: batching plan, pooling, config and file checks.
import { describe, expect, it } from 'vitest';
import { planBatches } from './batches';
import { classifierRef, isClassifierRef } from './classifier-ref';
import { checkModelFiles, dissidentLabelIndex, readModelConfig } from './model-config';
import { meanPoolNormalised } from './pooling';

describe('planBatches', () => {
  it('embeds each distinct text once, shortest first, in batches', () => {
    const plan = planBatches(['ccc', 'a', 'bb', 'a', 'dddd'], (t) => t.length, 2);
    expect(plan.unique).toEqual(['ccc', 'a', 'bb', 'dddd']);
    expect(Array.from(plan.indexOf)).toEqual([0, 1, 2, 1, 3]);
    expect(plan.batches).toEqual([[1, 2], [0, 3]]);
  });
});

describe('meanPoolNormalised', () => {
  it('averages attended tokens only and normalises', () => {
    // Two sentences, 2 tokens, 2 dims; the second's second token is padding with large values.
    const hidden = Float32Array.of(1, 0, 3, 0, 0, 2, 100, 100);
    const [a, b] = meanPoolNormalised(hidden, [1, 1, 1, 0], 2, 2, 2);
    expect(Array.from(a!)).toEqual([1, 0]);
    expect(Array.from(b!)).toEqual([0, 1]);
  });
});

describe('model config', () => {
  it('reads an encoder and a classifier, mapping labels in any spelling', () => {
    expect(readModelConfig({ model_type: 'camembert', hidden_size: 768, max_position_embeddings: 514 })).toEqual({
      modelType: 'camembert', kind: 'encoder', hiddenSize: 768, maxTokens: 512,
    });
    const c = readModelConfig({ model_type: 'camembert', hidden_size: 8, architectures: ['CamembertForSequenceClassification'], id2label: { 1: 'Non_Dissident', 0: 'DISSIDENT' } });
    expect(c.labels).toEqual(['DISSIDENT', 'Non_Dissident']);
    expect(c.dissidentIndex).toBe(0);
    expect(dissidentLabelIndex(['non dissidente', 'Dissidente'])).toBe(1);
  });

  it('reads LABEL_1 / LABEL_0 and 1 / 0 as dissident / non dissident, and refuses labels it cannot tell apart', () => {
    expect(dissidentLabelIndex(['LABEL_0', 'LABEL_1'])).toBe(1);
    expect(dissidentLabelIndex(['label_1', 'label_0'])).toBe(0);
    expect(dissidentLabelIndex(['0', '1'])).toBe(1);
    // Sentiment labels: which one is dissident cannot be told, so the folder is refused with how to fix it.
    expect(() => dissidentLabelIndex(['NEGATIVE', 'POSITIVE'])).toThrow('impossible de savoir laquelle signifie dissident');
    expect(() => dissidentLabelIndex(['dissident', 'neutre'])).toThrow('ne correspondent pas à « dissident » et « non dissident »');
    expect(() => dissidentLabelIndex(['dissident', 'non dissident', 'autre'])).toThrow('id2label de config.json');
    expect(() => dissidentLabelIndex(['dissident', 'dissident'])).toThrow('Dossier de modèle refusé');
  });

  it('names missing files in French', () => {
    expect(() => checkModelFiles(['config.json', 'tokenizer.json', 'tokenizer_config.json'], 'fp32')).toThrow('fichier manquant : onnx/model.onnx.');
    expect(() => checkModelFiles(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'], 'q8')).not.toThrow();
  });
});

describe('classifier reference', () => {
  it('keeps a folder with its dissident label, q8 when it has it, and refuses labels it cannot read', () => {
    const ref = classifierRef({ name: 'user/mon-classifieur', labels: ['LABEL_0', 'LABEL_1'], dtypes: { fp32: 10, q8: 4 } });
    expect(ref).toMatchObject({ kind: 'classifier', model: 'user/mon-classifieur', dtype: 'q8', dissidentIndex: 1, threshold: 0.5 });
    expect(isClassifierRef(ref)).toBe(true);
    expect(classifierRef({ name: 'c', labels: ['dissident', 'non dissident'], dtypes: { fp32: 10 } }).dtype).toBe('fp32');
    expect(() => classifierRef({ name: 'c', labels: ['POSITIVE', 'NEGATIVE'], dtypes: { q8: 1 } })).toThrow('impossible de savoir');
    expect(isClassifierRef({ format: 'dissidentia-baseline' })).toBe(false);
  });
});
