// bench:train — baseline training time (full cross-validated search) on the shared file, a single fit (no CV) cold
// and warm against scikit-learn's, and prediction on 250,000 sentences. Prints JSON.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readLabelledCsv } from '../../src/cli/labelled-csv';
import { synthesiseSentences, timePrediction, timeTraining } from '../../src/lib/core/ml/benchmark';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { benchTrainInChromium } from './train-chromium';

const DEV_FILE = fileURLToPath(new URL('../../../shared/data/dissidentia-dev.csv', import.meta.url));
const PREDICT_COUNT = 250_000;
/** scikit-learn 1.2, word 1–2 + char_wb 2–5 TF-IDF and L-BFGS logistic regression, one Pipeline.fit on the same file and machine (issue #13). */
const SKLEARN_SINGLE_FIT_SECONDS = 0.44;
const COLD_PROCESSES = 5;
const FITS_PER_PROCESS = 4;

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Single fits in fresh processes: the first fit of each is cold (code not compiled yet, as in a fresh worker), the
 * later ones warm (as the model worker's retrains). Medians of wall and CPU seconds.
 */
function singleFit() {
  const runs = Array.from({ length: COLD_PROCESSES }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./single-fit-child.ts', import.meta.url)), String(FITS_PER_PROCESS)], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { seconds: number[]; cpuSeconds: number[]; features: number; sentences: number };
  });
  const r = (x: number) => Number(x.toFixed(3));
  return {
    params: 'C = 1, words 1–2, characters 2–5 within words, no cross-validation',
    sentences: runs[0]!.sentences,
    features: runs[0]!.features,
    coldSeconds: r(median(runs.map((x) => x.seconds[0]!))),
    coldCpuSeconds: r(median(runs.map((x) => x.cpuSeconds[0]!))),
    warmSeconds: r(median(runs.flatMap((x) => x.seconds.slice(1)))),
    warmCpuSeconds: r(median(runs.flatMap((x) => x.cpuSeconds.slice(1)))),
    processes: COLD_PROCESSES,
    fitsPerProcess: FITS_PER_PROCESS,
    scikitLearnSeconds: SKLEARN_SINGLE_FIT_SECONDS,
  };
}

/** Runs work and adds the process's CPU seconds: on a shared machine, wall time alone says little. */
async function withCpu<T extends object>(work: () => Promise<T> | T): Promise<T & { cpuSeconds: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { ...result, cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)) };
}

async function main(): Promise<void> {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
  const present = existsSync(DEV_FILE);
  const data = present
    ? readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] })
    : { ...fixtureSet(), excluded: 0, empty: 0 };
  // First run: cold (as in a fresh worker); second run: the same work once the code is compiled.
  const cold = await withCpu(() => timeTraining(data.texts, data.labels));
  const warm = await withCpu(() => timeTraining(data.texts, data.labels));
  const single = singleFit();
  const sentences = synthesiseSentences(data.texts, PREDICT_COUNT, 1);
  const prediction = await withCpu(() => timePrediction(warm.model, sentences));
  // The same work inside Chromium (page main thread, modules served by Vite), as the app's worker runs it.
  const chromium = process.env.SKIP_CHROMIUM
    ? { skipped: 'SKIP_CHROMIUM set' }
    : await benchTrainInChromium(data.texts, data.labels, PREDICT_COUNT).catch((error: unknown) => ({ error: String(error) }));
  const result = {
    bench: 'train',
    machine,
    goals: { trainSeconds: 5, predict250kSeconds: 20, singleFitSeconds: SKLEARN_SINGLE_FIT_SECONDS },
    data: present
      ? { file: DEV_FILE, sentences: data.texts.length, positives: data.labels.filter((l) => l === 1).length }
      : { skipped: `missing file ${DEV_FILE}: trained on the team-written test sentences instead`, sentences: data.texts.length },
    training: { ...warm.timing, cpuSeconds: warm.cpuSeconds, coldSeconds: cold.timing.seconds, coldCpuSeconds: cold.cpuSeconds, learningCurve: true },
    singleFit: single,
    prediction: { ...prediction, source: present ? 'shared sentences, copied and recombined' : 'team-written sentences, copied and recombined' },
    chromium,
  };
  console.log(JSON.stringify({ ...result, loadAverage1mAfter: Number(loadavg()[0].toFixed(2)) }, null, 2));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'train', error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
