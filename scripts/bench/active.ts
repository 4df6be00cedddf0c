// bench:active — active learning simulated on the shared file with its gold labels as the oracle: 50 random labels,
// then 25 at a time by uncertainty (Annoter's « plus utiles d'abord » order) or at random, 5 seeds each; labels needed
// to reach 95 % of the full-data cross-validated ROC AUC. Prints JSON (with --json, one line, the last one).
import { existsSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readLabelledCsv } from '../../src/cli/labelled-csv';
import { fullDataAuc, simulate, type SimulationRun, type SimulationSettings, type Strategy } from '../../src/lib/core/ml/active-simulation';
import { SINGLE_FIT_PARAMS } from '../../src/lib/core/ml/single-fit';

const DEV_FILE = fileURLToPath(new URL('../../../shared/data/dissidentia-dev.csv', import.meta.url));
// --seeds N: more simulated annotators than the default 5 (seed s holds out fold s mod 5); 5 are too few to rank
// strategies whose per-seed results spread over 100–600 labels.
const seedsArg = process.argv.indexOf('--seeds');
const SEEDS = Array.from({ length: seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 5 }, (_, i) => i);
const STRATEGIES: Strategy[] = ['uncertainty', 'random', 'explore'];
const SETTINGS: SimulationSettings = { start: 50, step: 25, targetShare: 0.95, folds: 5, splitSeed: 42, params: SINGLE_FIT_PARAMS };

const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

function main(): void {
  const json = process.argv.includes('--json');
  if (!existsSync(DEV_FILE)) {
    console.log(JSON.stringify({ bench: 'active', skipped: `missing file ${DEV_FILE}` }));
    return;
  }
  const started = performance.now();
  const data = readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] });
  const reference = fullDataAuc(data.texts, data.labels, SETTINGS);
  const target = SETTINGS.targetShare * reference.auc;
  const runs: SimulationRun[] = [];
  for (const strategy of STRATEGIES) for (const seed of SEEDS) runs.push(simulate(data.texts, data.labels, strategy, seed, target, SETTINGS));
  // A run that never reaches the target counts as every label of its pool (and is reported as such).
  const poolSize = Math.round((data.texts.length * (SETTINGS.folds - 1)) / SETTINGS.folds);
  const needed = (strategy: Strategy) => runs.filter((r) => r.strategy === strategy).map((r) => r.labelsToTarget ?? poolSize);
  const labelsToTarget = Object.fromEntries(STRATEGIES.map((s) => [s, mean(needed(s))])) as Record<Strategy, number>;
  // Standard error of each mean over seeds: differences smaller than about two of these say nothing.
  const sd = (xs: number[]) => Math.sqrt(xs.reduce((t, x) => t + (x - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
  const standardError = Object.fromEntries(STRATEGIES.map((s) => [s, round(sd(needed(s)) / Math.sqrt(SEEDS.length), 1)]));
  const result = {
    labelsToTarget,
    bench: 'active',
    savedLabels: labelsToTarget.random - labelsToTarget.uncertainty,
    standardError,
    perSeed: Object.fromEntries(STRATEGIES.map((s) => [s, runs.filter((r) => r.strategy === s).map((r) => r.labelsToTarget)])),
    notReached: runs.filter((r) => r.labelsToTarget === null).length,
    fullDataCvAuc: round(reference.auc),
    foldAucs: reference.foldAucs.map((a) => round(a)),
    targetAuc: round(target),
    settings: { ...SETTINGS, seeds: SEEDS, oracle: 'gold label column', evaluation: 'ROC AUC on the held-out fold (seed s holds out fold s)' },
    curves: runs.map((r) => ({ strategy: r.strategy, seed: r.seed, curve: r.curve.map((p) => [p.labels, round(p.auc, 3)]) })),
    data: { file: DEV_FILE, sentences: data.texts.length, positives: data.labels.filter((l) => l === 1).length },
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, os: `${platform()} ${release()}`, loadAverage1m: round(loadavg()[0]!, 2) },
    seconds: round((performance.now() - started) / 1000, 1),
  };
  console.log(json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}

main();
