// File and console helpers shared by the headless commands: reading files and models, printing one result.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBaselineModel, type BaselineModel } from '../lib/core/ml/model';
import { serialiseModel, type SavedModel } from '../lib/core/ml/model-io';

export function readTextFile(path: string, what = 'Fichier'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${what} introuvable ou illisible : ${path}`);
  }
}

/** A saved baseline model; the French message says what is wrong with the file. */
export function readModel(path: string): BaselineModel {
  const text = readTextFile(path, 'Modèle');
  try {
    return loadBaselineModel(text);
  } catch (error) {
    throw new Error(`${path} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function writeModel(path: string, model: SavedModel): void {
  try {
    writeFileSync(path, serialiseModel(model));
  } catch {
    throw new Error(`Impossible d’écrire le modèle dans ${path}`);
  }
}

/** What `train` prints of any trained model: where it is, its cross-validated figures, threshold and training set. */
export function trainedSummary(
  path: string,
  model: Pick<SavedModel, 'kind' | 'trainSeconds' | 'cv' | 'threshold' | 'trainedOn'>,
  set: { excluded: number; empty: number },
) {
  const { cv } = model;
  return {
    model: resolve(path),
    kind: model.kind,
    trainSeconds: model.trainSeconds,
    cv: { auc: cv.auc, f1: cv.f1, aucStd: cv.aucStd, averagePrecision: cv.averagePrecision, precision: cv.precision, recall: cv.recall, folds: cv.folds },
    threshold: model.threshold,
    trainedOn: { ...model.trainedOn, excluded: set.excluded, empty: set.empty },
  };
}

/** With --json, exactly one JSON document on stdout; otherwise the human-readable text. */
export function printResult(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Progress on stderr, only for a person watching a terminal (never mixed into --json output). */
export function progressReporter(label: string): ((p: { phase: string; done: number; total: number }) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => process.stderr.write(`\r${label} — ${p.phase} ${p.done}/${p.total}   ${p.done === p.total ? '\n' : ''}`);
}

export const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
