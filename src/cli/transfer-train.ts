// `train --model transfer:<modelDir>`: embeds the labelled sentences with the encoder folder, trains the head with
// cross-validation and writes the transfer model JSON.
import { basename, resolve } from 'node:path';
import { trainTransfer } from '../lib/core/ml/transfer/train-transfer';
import { integerOption, stringOption, type ParsedArgs } from './args';
import { percent, printResult, progressReporter, trainedSummary, writeModel } from './io';
import type { LabelledSet } from './labelled-csv';
import { loadModelFolder, preferredDtype } from './model-folder';

export const TRANSFER_OPTIONS = {
  head: { type: 'string' },
  hidden: { type: 'string' },
  lr: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  dtype: { type: 'string' },
} as const;

function numberOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} attend un nombre entre ${min} et ${max} (reçu : « ${raw} »).`);
  return value;
}

export async function trainTransferCommand(modelDir: string, set: LabelledSet, args: ParsedArgs, out: string, json: boolean): Promise<void> {
  const started = performance.now();
  const head = stringOption(args, 'head') ?? 'logistic';
  if (head !== 'logistic' && head !== 'mlp') throw new Error(`--head attend logistic ou mlp (reçu : « ${head} »).`);
  const dtype = stringOption(args, 'dtype') ?? preferredDtype(modelDir);
  if (dtype !== 'fp32' && dtype !== 'q8') throw new Error(`--dtype attend fp32 ou q8 (reçu : « ${dtype} »).`);
  const encoder = await loadModelFolder(modelDir, { dtype });
  let vectors: Float32Array[];
  try {
    if (encoder.info.kind !== 'encoder') throw new Error(`${modelDir} est un classifieur : le transfert part d’un modèle d’encodage (sortie last_hidden_state).`);
    const progress = progressReporter('Vecteurs de phrases');
    vectors = await encoder.embed(set.texts, { onProgress: (done, total) => progress?.({ phase: 'embed', done, total }) });
  } finally {
    await encoder.dispose();
  }
  const model = await trainTransfer(
    vectors,
    set.labels,
    { name: basename(resolve(modelDir)), path: modelDir, modelType: encoder.info.modelType, hiddenSize: encoder.info.hiddenSize, dtype, pooling: 'mean-l2' },
    {
      folds: integerOption(args, 'folds', 5, 2, 20),
      head: {
        hidden: head === 'mlp' ? integerOption(args, 'hidden', 64, 1, 4096) : 0,
        learningRate: numberOption(args, 'lr', 0.01, 1e-6, 1),
        maxEpochs: integerOption(args, 'epochs', 200, 1, 10000),
        batchSize: integerOption(args, 'batch-size', 32, 1, 4096),
        seed: integerOption(args, 'seed', 42, 0, 2 ** 32 - 1),
      },
    },
    { onProgress: progressReporter('Entraînement de la tête') },
  );
  // The whole command's time, embeddings included: that is what a user waits for.
  model.trainSeconds = Number(((performance.now() - started) / 1000).toFixed(3));
  writeModel(out, model);
  const result = {
    ...trainedSummary(out, model, set),
    encoder: model.encoder,
    head: { hidden: model.head.hidden, bestEpoch: model.bestEpoch, epochs: model.lossCurve.length },
  };
  const { cv } = result;
  printResult(json, result, () =>
    [
      `Modèle par transfert écrit dans ${result.model} (${model.trainedOn.n} phrases, dont ${model.trainedOn.positives} dissidentes) en ${model.trainSeconds.toFixed(1)} s.`,
      `Encodeur ${model.encoder.name} (${dtype}, ${model.encoder.hiddenSize} dimensions), tête ${head === 'mlp' ? `MLP ${model.head.hidden}` : 'logistique'}, meilleure époque ${model.bestEpoch}.`,
      `Validation croisée (${cv.folds} plis) : AUC ${cv.auc.toFixed(3)} ± ${cv.aucStd.toFixed(3)}, F1 ${cv.f1.toFixed(3)} au seuil ${model.threshold}.`,
      `Précision ${percent(cv.precision)}, rappel ${percent(cv.recall)}.`,
    ].join('\n'),
  );
}
