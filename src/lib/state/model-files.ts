// Model files of the Modèles screen: export as JSON and import (the same format the CLI reads and writes), baseline
// or transfer head (whose encoder folder must be in the language-model list to predict).
import { serialiseModel } from '../core/ml/model';
import { loadSavedModel, type SavedModel } from '../core/ml/model-io';
import { getDb, type StoredModel } from '../db/db';
import { saveModel } from '../db/repos/models';
import type { StoredMetrics } from './records';

/** The model as a JSON file's name and text. */
export function exportModelFile(model: StoredModel): { name: string; text: string } {
  const safe = model.name.replace(/[^\p{L}\p{N}_-]+/gu, '-');
  return { name: `${safe}.model.json`, text: serialiseModel(model.data as SavedModel) };
}

/** Stores a model file (not made active); a bad file is refused with the loader's French reason and nothing is stored. */
export async function importModelFile(file: File): Promise<StoredModel> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Error('le fichier n’est pas du JSON valide.');
  }
  const model = loadSavedModel(parsed);
  const name = file.name.replace(/(\.model)?\.json$/i, '');
  const metrics: StoredMetrics = { cvAuc: model.cv.auc, cvF1: model.cv.f1, holdout: null, source: file.name };
  const row = { name, kind: model.kind, createdAt: Date.now(), data: model, metrics: { ...metrics } };
  const id = await saveModel(getDb(), row, false);
  return { id, ...row };
}
