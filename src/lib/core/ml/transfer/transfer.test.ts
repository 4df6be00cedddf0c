// The transfer head on synthetic sentence vectors: it learns a separable task, stops early, is reproducible,
// and its saved model reads back (and a malformed one is refused in French).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { loadSavedModel, loadTransferModel, serialiseModel } from '../model-io';
import { rocAuc } from '../metrics';
import { predictHead, trainHead, DEFAULT_HEAD_PARAMS } from './head';
import { predictTransfer, trainTransfer } from './train-transfer';
import type { EncoderRef } from './types';

/** Unit vectors in 16 dimensions: two classes separated along a direction, plus noise (1 in 4 dissident). */
function toyTask(n: number, seed: number, xor = false): { X: Float32Array[]; y: (0 | 1)[] } {
  const rng = mulberry32(seed);
  const X: Float32Array[] = [];
  const y: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const v = Float32Array.from({ length: 16 }, () => rng() - 0.5);
    let label: 0 | 1;
    if (xor) {
      // Not linearly separable: the class is the sign of the product of two coordinates.
      label = v[0]! * v[1]! > 0 ? 1 : 0;
      v[0]! *= 3;
      v[1]! *= 3;
    } else {
      label = i % 4 === 0 ? 1 : 0;
      v[0]! += label ? 0.8 : -0.8;
    }
    const norm = Math.hypot(...v);
    X.push(v.map((x) => x / norm));
    y.push(label);
  }
  return { X, y };
}

const ENCODER: EncoderRef = { name: 'toy', modelType: 'camembert', hiddenSize: 16, dtype: 'q8', pooling: 'mean-l2' };

describe('transfer head', () => {
  it('learns a separable toy task: loss falls, held-out AUC near 1', () => {
    const train = toyTask(200, 1);
    const test = toyTask(100, 2);
    const fit = trainHead(train.X, train.y, { ...DEFAULT_HEAD_PARAMS, learningRate: 0.05 });
    expect(fit.lossCurve[0]!.train).toBeGreaterThan(fit.lossCurve[fit.bestEpoch - 1]!.train * 2);
    expect(rocAuc(test.y, predictHead(fit.weights, test.X))).toBeGreaterThan(0.97);
  });

  it('an MLP learns what a logistic head cannot (XOR)', () => {
    const train = toyTask(400, 3, true);
    const test = toyTask(200, 4, true);
    const params = { ...DEFAULT_HEAD_PARAMS, learningRate: 0.02, maxEpochs: 300, patience: 30 };
    const logistic = rocAuc(test.y, predictHead(trainHead(train.X, train.y, params).weights, test.X));
    const mlp = rocAuc(test.y, predictHead(trainHead(train.X, train.y, { ...params, hidden: 16 }).weights, test.X));
    expect(logistic).toBeLessThan(0.7);
    expect(mlp).toBeGreaterThan(0.9);
  });

  it('stops early on the validation loss and keeps the best epoch', () => {
    const { X, y } = toyTask(120, 5);
    const fit = trainHead(X, y, { ...DEFAULT_HEAD_PARAMS, learningRate: 0.1, maxEpochs: 500, patience: 5 });
    expect(fit.epochs).toBeLessThan(500);
    expect(fit.epochs - fit.bestEpoch).toBe(5);
    const best = fit.lossCurve[fit.bestEpoch - 1]!.validation!;
    expect(Math.min(...fit.lossCurve.map((p) => p.validation!))).toBe(best);
  });

  it('is reproducible for a seed and differs for another', () => {
    const { X, y } = toyTask(100, 6);
    const a = trainHead(X, y, DEFAULT_HEAD_PARAMS).weights;
    const b = trainHead(X, y, DEFAULT_HEAD_PARAMS).weights;
    const c = trainHead(X, y, { ...DEFAULT_HEAD_PARAMS, seed: 7 }).weights;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('transfer model', () => {
  it('cross-validates with the baseline’s metrics, saves and reads back', async () => {
    const { X, y } = toyTask(160, 8);
    const phases: string[] = [];
    const model = await trainTransfer(X, y, ENCODER, { folds: 4, head: { learningRate: 0.05 } }, { onProgress: (p) => phases.push(p.phase) });
    expect(model.cv.folds).toBe(4);
    expect(model.cv.auc).toBeGreaterThan(0.95);
    expect(model.cv.roc.length).toBeGreaterThan(2);
    expect(model.threshold).toBeGreaterThan(0);
    expect(phases).toContain('refit');
    const reloaded = loadSavedModel(serialiseModel(model));
    expect(reloaded.kind).toBe('transfer');
    expect(Array.from(predictTransfer(loadTransferModel(reloaded), X.slice(0, 5)))).toEqual(
      Array.from(predictTransfer(model, X.slice(0, 5))).map((p) => expect.closeTo(p, 5)),
    );
  });

  it('refuses malformed files and vectors of the wrong size in French', async () => {
    const { X, y } = toyTask(40, 9);
    const model = await trainTransfer(X, y, ENCODER, { folds: 2 });
    expect(() => loadTransferModel({ ...model, head: { ...model.head, w2: [1, 2] } })).toThrow('poids de sortie absents ou de mauvaise longueur');
    expect(() => loadTransferModel({ ...model, encoder: { ...model.encoder, hiddenSize: 768 } })).toThrow('la tête attend 16 dimensions, l’encodeur en donne 768');
    expect(() => predictTransfer(model, [new Float32Array(32)])).toThrow('ce n’est pas le modèle d’encodage « toy »');
    await expect(trainTransfer(X, y.map(() => 0), ENCODER)).rejects.toThrow('au moins 2 phrases dissidentes');
  });
});
