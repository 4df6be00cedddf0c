// File and console helpers shared by the headless commands: reading files and models, printing one result.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadBaselineModel, serialiseModel, type BaselineModel } from '../lib/core/ml/model';

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

export function writeModel(path: string, model: BaselineModel): void {
  try {
    writeFileSync(path, serialiseModel(model));
  } catch {
    throw new Error(`Impossible d’écrire le modèle dans ${path}`);
  }
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
