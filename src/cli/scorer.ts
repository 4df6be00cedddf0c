// Any model the headless commands score with: a baseline or transfer model JSON, or a fine-tuned classifier folder.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { BaselineModel } from '../lib/core/ml/model';
import { loadSavedModel, type SavedModel } from '../lib/core/ml/model-io';
import { predictProba } from '../lib/core/ml/predict';
import { predictTransfer } from '../lib/core/ml/transfer/train-transfer';
import type { TransferModel } from '../lib/core/ml/transfer/types';
import { readTextFile } from './io';
import { loadModelFolder, preferredDtype } from './model-folder';

export interface Scorer {
  kind: 'baseline' | 'transfer' | 'classifier';
  threshold: number;
  /** The baseline itself (exact contributions apply to it). */
  baseline?: BaselineModel;
  score(texts: readonly string[]): Promise<Float64Array>;
  dispose(): Promise<void>;
}

/** The encoder folder of a transfer model: its recorded path (as given, or next to the model file), else its name. */
function encoderFolder(model: TransferModel, modelPath: string): string {
  const candidates = [model.encoder.path, model.encoder.path && !isAbsolute(model.encoder.path) ? resolve(dirname(modelPath), model.encoder.path) : undefined, model.encoder.name];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error(`Modèle d’encodage « ${model.encoder.name} » introuvable (cherché : ${candidates.filter(Boolean).join(', ')}).`);
  return found;
}

export async function transferScorer(model: TransferModel, modelPath: string): Promise<Scorer> {
  const encoder = await loadModelFolder(encoderFolder(model, modelPath), { dtype: model.encoder.dtype });
  if (encoder.info.hiddenSize !== model.head.dims) {
    await encoder.dispose();
    throw new Error(`Le modèle d’encodage donne ${encoder.info.hiddenSize} dimensions, la tête en attend ${model.head.dims}.`);
  }
  return {
    kind: 'transfer',
    threshold: model.threshold,
    score: async (texts) => predictTransfer(model, await encoder.embed(texts)),
    dispose: () => encoder.dispose(),
  };
}

export async function openScorer(path: string): Promise<Scorer> {
  if (existsSync(path) && statSync(path).isDirectory()) {
    const model = await loadModelFolder(path, { dtype: preferredDtype(path) });
    if (model.info.kind !== 'classifier') {
      await model.dispose();
      throw new Error(`${path} est un modèle d’encodage, pas un classifieur : entraînez d’abord une tête (train --model transfer:${path}).`);
    }
    // A fine-tuned classifier's own decision rule: dissident when it is the more probable label.
    return { kind: 'classifier', threshold: 0.5, score: (texts) => model.classify(texts), dispose: () => model.dispose() };
  }
  let saved: SavedModel;
  try {
    saved = loadSavedModel(readTextFile(path, 'Modèle'));
  } catch (error) {
    throw new Error(`${path} : ${error instanceof Error ? error.message : String(error)}`);
  }
  if (saved.kind === 'transfer') return transferScorer(saved, path);
  const baseline = saved;
  return { kind: 'baseline', threshold: baseline.threshold, baseline, score: async (texts) => predictProba(baseline, texts), dispose: async () => undefined };
}
