// Tests: trainBaseline end to end on team-written sentences: behaviour, determinism, cancellation, saving.
import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixture-sentences';
import { sigmoid } from './logistic';
import { loadBaselineModel, nestedCrossValidation, predictLabels, predictProba, serialiseModel, trainBaseline, vectorise, type BaselineModel, type TrainOptionsInput, type TrainProgress } from './model';
import { multiplyVector } from './sparse';

const { texts, labels } = fixtureSet();
// Small and quick: 4 candidates, 3 folds, a 2-point learning curve.
const QUICK: TrainOptionsInput = {
  folds: 3,
  space: { C: [1, 4], wordNgrams: [[1, 2]], charNgrams: [[2, 4], null], minDf: [1] },
  learningCurve: [0.5, 1],
};
const PRAISE = 'Je remercie les agents de la mairie pour leur accueil.';
const ANGER = 'Tous des pourris, démission !';

const withoutTime = (m: BaselineModel) => ({ ...m, trainSeconds: 0 });

describe('trainBaseline on team-written sentences', async () => {
  const progress: TrainProgress[] = [];
  const model = await trainBaseline(texts, labels, QUICK, { onProgress: (p) => progress.push(p) });

  it('scores an angry sentence above a praising one (both unseen)', () => {
    const [anger, praise] = predictProba(model, [ANGER, PRAISE]);
    expect(anger).toBeGreaterThan(praise);
    expect(anger).toBeGreaterThan(0.5);
    expect(praise).toBeLessThan(0.5);
  });

  it('records the search, the chosen parameters, the threshold and the cross-validated report', () => {
    expect(model).toMatchObject({ format: 'dissidentia-baseline', formatVersion: 2, kind: 'baseline', trainedOn: { n: 50, positives: 25 } });
    expect(model.searchResults).toHaveLength(4);
    const best = Math.max(...model.searchResults.map((r) => r.meanAuc));
    expect(model.cv.auc).toBeCloseTo(best, 5);
    expect(model.settings.params).toEqual(model.searchResults.find((r) => r.meanAuc === best)?.params);
    expect(model.cv.auc).toBeGreaterThan(0.8);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.cv.roc[0]).toEqual({ threshold: null, fpr: 0, tpr: 0 });
    expect(model.cv.confusion.tp + model.cv.confusion.fn).toBe(25);
    expect(model.learningCurve?.map((p) => p.fraction)).toEqual([0.5, 1]);
    expect(model.solver.converged).toBe(true);
  });

  it('reports progress through the phases, ending with the refit', () => {
    expect(progress[0].phase).toBe('prepare');
    expect(progress.filter((p) => p.phase === 'search').at(-1)).toEqual({ phase: 'search', done: 12, total: 12 });
    expect(progress.at(-1)).toEqual({ phase: 'refit', done: 1, total: 1 });
  });

  it('is deterministic for a seed', async () => {
    const again = await trainBaseline(texts, labels, QUICK);
    expect(withoutTime(again)).toEqual(withoutTime(model));
    const otherSeed = await trainBaseline(texts, labels, { ...QUICK, seed: 7 });
    expect(otherSeed.cv.roc).not.toEqual(model.cv.roc);
  });

  it('predicts from its JSON exactly as from the object, and the labels use the stored threshold', () => {
    const reloaded = loadBaselineModel(serialiseModel(model));
    expect(predictProba(reloaded, texts)).toEqual(predictProba(model, texts));
    const [anger] = predictLabels(model, [ANGER]);
    expect(anger.label).toBe(anger.probability >= model.threshold ? 1 : 0);
  });

  it('predictProba is σ(x·w + b) on the TF-IDF matrix the model sees', () => {
    const weights = model.blocks.flatMap((b) => b.coefficients);
    const expected = Array.from(multiplyVector(vectorise(model, texts), weights, model.intercept), sigmoid);
    Array.from(predictProba(model, texts)).forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
  });
});

describe('training options', () => {
  it('records the imbalance setting and trains with resampling', async () => {
    for (const imbalance of ['undersample', 'oversample'] as const) {
      const model = await trainBaseline(texts.slice(0, 40), labels.slice(0, 40), { ...QUICK, search: 'none', imbalance, learningCurve: null });
      expect(model.settings.imbalance).toBe(imbalance);
      expect(model.searchResults).toHaveLength(1);
    }
  });

  it('random search draws the requested number of candidates, reproducibly', async () => {
    const options: TrainOptionsInput = { ...QUICK, search: 'random', randomCandidates: 3, learningCurve: null };
    const a = await trainBaseline(texts, labels, options);
    const b = await trainBaseline(texts, labels, options);
    expect(a.searchResults).toHaveLength(3);
    expect(a.searchResults.map((r) => r.params)).toEqual(b.searchResults.map((r) => r.params));
  });

  it('rejects bad labels with a French message', async () => {
    await expect(trainBaseline(['a', 'b'], [1, 2 as 1])).rejects.toThrow(/étiquettes doivent valoir 0/);
    await expect(trainBaseline(['a'], [1, 0])).rejects.toThrow(/Autant d’étiquettes/);
    await expect(trainBaseline(['a', 'b', 'c'], [1, 0, 0])).rejects.toThrow(/au moins 2 phrases dissidentes/);
  });

  it('uses fewer folds than asked when a class is smaller than the number of folds', async () => {
    const few = [...texts.slice(0, 6), ...texts.slice(6).filter((_, i) => labels[i + 6] === 0)];
    const fewLabels = [...labels.slice(0, 6), ...labels.slice(6).filter((l) => l === 0)];
    const model = await trainBaseline(few, fewLabels, { ...QUICK, folds: 5, learningCurve: null });
    expect(model.cv.folds).toBe(3);
    expect(model.settings.folds).toBe(3);
  });
});

describe('cancellation', () => {
  it('throws an AbortError promptly once the signal is aborted mid-search', async () => {
    const controller = new AbortController();
    let fitsAfterAbort = 0;
    const run = trainBaseline(texts, labels, QUICK, {
      signal: controller.signal,
      onProgress: (p) => {
        if (controller.signal.aborted) fitsAfterAbort++;
        if (p.phase === 'search' && p.done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(fitsAfterAbort).toBe(0);
  });

  it('does not start when already aborted', async () => {
    await expect(trainBaseline(texts, labels, QUICK, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('character n-grams across word bounds', async () => {
  const options: TrainOptionsInput = { ...QUICK, search: 'none', learningCurve: null, features: { charAcrossWords: true } };
  const model = await trainBaseline(texts, labels, options);
  const within = await trainBaseline(texts, labels, { ...options, features: { charAcrossWords: false } });

  it('records the setting and learns n-grams that span two words', () => {
    expect(model.settings.features.charAcrossWords).toBe(true);
    const chars = (m: BaselineModel) => m.blocks.find((b) => b.kind === 'char')?.vocabulary ?? [];
    expect(chars(model).some((g) => /\S \S/.test(g))).toBe(true);
    expect(chars(within).some((g) => /\S \S/.test(g))).toBe(false);
  });

  it('predicts from its JSON as from the object, and as σ(x·w + b)', () => {
    const reloaded = loadBaselineModel(serialiseModel(model));
    expect(predictProba(reloaded, texts)).toEqual(predictProba(model, texts));
    const weights = model.blocks.flatMap((b) => b.coefficients);
    const expected = Array.from(multiplyVector(vectorise(model, texts), weights, model.intercept), sigmoid);
    Array.from(predictProba(model, texts)).forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
    // Prediction honours the recorded setting: read within words, the same vocabulary misses the spanning n-grams.
    const misread = { ...model, settings: { ...model.settings, features: { ...model.settings.features, charAcrossWords: false } } };
    expect(predictProba(misread, texts)).not.toEqual(predictProba(model, texts));
  });
});

describe('loading a saved model', () => {
  it('reads version-1 files (no charAcrossWords) as character n-grams within words, predicting the same', async () => {
    const model = await trainBaseline(texts, labels, { ...QUICK, search: 'none', learningCurve: null });
    const { charAcrossWords: _dropped, ...v1Features } = model.settings.features;
    const v1 = { ...model, formatVersion: 1, settings: { ...model.settings, features: v1Features } };
    const loaded = loadBaselineModel(JSON.stringify(v1));
    expect(loaded.formatVersion).toBe(2);
    expect(loaded.settings.features.charAcrossWords).toBe(false);
    expect(predictProba(loaded, texts)).toEqual(predictProba(model, texts));
    const v2WithoutSetting = { ...v1, formatVersion: 2 };
    expect(() => loadBaselineModel(v2WithoutSetting)).toThrow(/charAcrossWords/);
  });

  it('explains in French what is wrong', () => {
    expect(() => loadBaselineModel('{')).toThrow(/pas du JSON lisible/);
    expect(() => loadBaselineModel({ format: 'autre' })).toThrow(/pas un modèle de référence Dissidentia/);
    expect(() => loadBaselineModel({ format: 'dissidentia-baseline', formatVersion: 99 })).toThrow(/version de format 99 non prise en charge/);
  });
});

describe('nested cross-validation', () => {
  it('scores each outer fold with a model trained without it', async () => {
    const result = await nestedCrossValidation(texts, labels, { ...QUICK, folds: 2, space: { C: [1], charNgrams: [null] } }, { folds: 3 });
    expect(result.foldAucs).toHaveLength(3);
    expect(result.auc).toBeGreaterThan(0.5);
    expect(result.chosen).toHaveLength(3);
  });
});
