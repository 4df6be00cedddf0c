// Trains a transfer model on frozen sentence vectors: stratified cross-validation of the head (the baseline's folds
// and metrics), a threshold maximising out-of-fold F1, then a final fit on every row.
import { yieldAndCheck } from '../abort';
import { bestF1Threshold } from '../curves';
import { stratifiedKFold } from '../folds';
import { mean, rocAuc, std } from '../metrics';
import { cvMetrics, round } from '../train';
import type { TrainProgress } from '../types';
import { DEFAULT_HEAD_PARAMS, predictHead, trainHead, type HeadParams } from './head';
import { TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION, type EncoderRef, type TransferModel } from './types';

export interface TransferOptions {
  head?: Partial<HeadParams>;
  folds?: number;
}

export interface TransferHooks {
  signal?: AbortSignal;
  onProgress?(progress: TrainProgress): void;
}

export function checkTransferInputs(vectors: readonly Float32Array[], labels: readonly number[]): void {
  if (vectors.length !== labels.length) throw new Error(`Autant d’étiquettes que de vecteurs attendues (${vectors.length} vecteurs, ${labels.length} étiquettes).`);
  const positives = labels.filter((l) => l === 1).length;
  if (Math.min(positives, labels.length - positives) < 2) {
    throw new Error(`Il faut au moins 2 phrases dissidentes et 2 non dissidentes pour entraîner (trouvé : ${positives} et ${labels.length - positives}).`);
  }
}

export async function trainTransfer(
  vectors: readonly Float32Array[],
  labels: readonly (0 | 1)[],
  encoder: EncoderRef,
  options: TransferOptions = {},
  hooks: TransferHooks = {},
): Promise<TransferModel> {
  const started = performance.now();
  checkTransferInputs(vectors, labels);
  const params: HeadParams = { ...DEFAULT_HEAD_PARAMS, ...options.head };
  const positives = labels.filter((l) => l === 1).length;
  const folds = stratifiedKFold(labels, Math.min(options.folds ?? 5, positives, labels.length - positives), params.seed);
  const outOfFold = new Float64Array(labels.length);
  const foldAucs: number[] = [];
  const total = folds.length + 1;
  for (const [f, fold] of folds.entries()) {
    hooks.onProgress?.({ phase: 'search', done: f, total });
    // Lets a cancel message in between folds (the head's epochs check the signal too).
    await yieldAndCheck(hooks.signal);
    const fit = trainHead(vectors, labels, { ...params, seed: params.seed + f }, { signal: hooks.signal }, fold.train);
    const testVectors = Array.from(fold.test, (i) => vectors[i]!);
    const scores = predictHead(fit.weights, testVectors);
    fold.test.forEach((i, k) => (outOfFold[i] = scores[k]!));
    foldAucs.push(rocAuc(Array.from(fold.test, (i) => labels[i]!), scores));
  }
  const threshold = round(bestF1Threshold(labels, outOfFold).threshold, 4);
  const cv = cvMetrics(labels, outOfFold, { meanAuc: mean(foldAucs), stdAuc: std(foldAucs) }, threshold, folds.length);
  hooks.onProgress?.({ phase: 'refit', done: folds.length, total });
  const fit = trainHead(vectors, labels, params, { signal: hooks.signal });
  hooks.onProgress?.({ phase: 'refit', done: total, total });
  const r = (x: number) => round(x, 7);
  return {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    kind: 'transfer',
    encoder,
    settings: { ...params, folds: folds.length },
    head: { ...fit.weights, w1: fit.weights.w1.map(r), b1: fit.weights.b1.map(r), w2: fit.weights.w2.map(r), b2: r(fit.weights.b2) },
    threshold,
    cv,
    lossCurve: fit.lossCurve.map((p) => ({ epoch: p.epoch, train: round(p.train, 5), validation: p.validation === null ? null : round(p.validation, 5) })),
    bestEpoch: fit.bestEpoch,
    trainSeconds: round((performance.now() - started) / 1000, 4),
    trainedOn: { n: labels.length, positives },
  };
}

/** P(dissident) of sentence vectors under a transfer model. */
export function predictTransfer(model: TransferModel, vectors: readonly Float32Array[]): Float64Array {
  if (vectors.length > 0 && vectors[0]!.length !== model.head.dims) {
    throw new Error(`Vecteurs de ${vectors[0]!.length} dimensions, le modèle en attend ${model.head.dims} : ce n’est pas le modèle d’encodage « ${model.encoder.name} ».`);
  }
  return predictHead(model.head, vectors);
}
