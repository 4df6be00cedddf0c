// Timing helpers shared by the Node benchmark (scripts/bench/train.ts) and an in-browser run: no Node APIs here.
import { predictProba, trainBaseline } from './model';
import { mulberry32, randomInt } from '../random';
import type { BaselineModel, TrainOptionsInput } from './types';

export interface TrainingTiming {
  seconds: number;
  candidates: number;
  folds: number;
  cv: { auc: number; aucStd: number; f1: number; averagePrecision: number };
  params: BaselineModel['settings']['params'];
  features: number;
  modelBytes: number;
}

/** Trains with the given options (default: the full cross-validated search and learning curve) and times it. */
export async function timeTraining(texts: readonly string[], labels: readonly (0 | 1)[], options: TrainOptionsInput = {}): Promise<{ model: BaselineModel; timing: TrainingTiming }> {
  const started = performance.now();
  const model = await trainBaseline(texts, labels, options);
  const seconds = (performance.now() - started) / 1000;
  const { cv } = model;
  return {
    model,
    timing: {
      seconds: Number(seconds.toFixed(3)),
      candidates: model.searchResults.length,
      folds: cv.folds,
      cv: { auc: cv.auc, aucStd: cv.aucStd, f1: cv.f1, averagePrecision: cv.averagePrecision },
      params: model.settings.params,
      features: model.blocks.reduce((s, b) => s + b.vocabulary.length, 0),
      modelBytes: JSON.stringify(model).length,
    },
  };
}

export interface PredictionTiming {
  sentences: number;
  seconds: number;
  sentencesPerSecond: number;
  meanLength: number;
}

/** Predicts in batches (as the model worker does) and times it. */
export function timePrediction(model: BaselineModel, texts: readonly string[], batchSize = 5000): PredictionTiming {
  predictProba(model, texts.slice(0, 200)); // builds the cached vectoriser and warms the code up
  const started = performance.now();
  for (let i = 0; i < texts.length; i += batchSize) predictProba(model, texts.slice(i, i + batchSize));
  const seconds = (performance.now() - started) / 1000;
  return {
    sentences: texts.length,
    seconds: Number(seconds.toFixed(3)),
    sentencesPerSecond: Math.round(texts.length / seconds),
    meanLength: Math.round(texts.reduce((s, t) => s + t.length, 0) / Math.max(1, texts.length)),
  };
}

/**
 * `count` sentences made from the given ones: half copied, half recombined from the first part of one sentence and
 * the last part of another (cut at a space), so the corpus is not a plain repetition. Seeded.
 */
export function synthesiseSentences(source: readonly string[], count: number, seed = 1): string[] {
  const rng = mulberry32(seed);
  const pick = () => source[randomInt(rng, source.length)];
  const cut = (text: string) => {
    const at = text.indexOf(' ', Math.floor(text.length / 2));
    return at < 0 ? text.length : at;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (rng() < 0.5) {
      out.push(pick());
    } else {
      const a = pick();
      const b = pick();
      out.push(`${a.slice(0, cut(a))} ${b.slice(cut(b)).trim()}`);
    }
  }
  return out;
}
