// bench:train — baseline training time (full cross-validated search) on the shared file, and prediction on 250,000 sentences. Prints JSON.
import { existsSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readLabelledCsv } from '../../src/cli/labelled-csv';
import { synthesiseSentences, timePrediction, timeTraining } from '../../src/lib/core/ml/benchmark';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { benchTrainInChromium } from './train-chromium';

const DEV_FILE = fileURLToPath(new URL('../../../shared/data/dissidentia-dev.csv', import.meta.url));
const PREDICT_COUNT = 250_000;

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
  const sentences = synthesiseSentences(data.texts, PREDICT_COUNT, 1);
  const prediction = await withCpu(() => timePrediction(warm.model, sentences));
  // The same work inside Chromium (page main thread, modules served by Vite), as the app's worker runs it.
  const chromium = process.env.SKIP_CHROMIUM
    ? { skipped: 'SKIP_CHROMIUM set' }
    : await benchTrainInChromium(data.texts, data.labels, PREDICT_COUNT).catch((error: unknown) => ({ error: String(error) }));
  const result = {
    bench: 'train',
    machine,
    goals: { trainSeconds: 5, predict250kSeconds: 20 },
    data: present
      ? { file: DEV_FILE, sentences: data.texts.length, positives: data.labels.filter((l) => l === 1).length }
      : { skipped: `missing file ${DEV_FILE}: trained on the team-written test sentences instead`, sentences: data.texts.length },
    training: { ...warm.timing, cpuSeconds: warm.cpuSeconds, coldSeconds: cold.timing.seconds, coldCpuSeconds: cold.cpuSeconds, learningCurve: true },
    prediction: { ...prediction, source: present ? 'shared sentences, copied and recombined' : 'team-written sentences, copied and recombined' },
    chromium,
  };
  console.log(JSON.stringify({ ...result, loadAverage1mAfter: Number(loadavg()[0].toFixed(2)) }, null, 2));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'train', error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
});
