// Child process of bench:train: single fits (no cross-validation) on the shared file, the first one in a fresh
// process (cold: code not yet compiled). Prints one JSON line: seconds per fit, CPU seconds of the process per fit.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readLabelledCsv } from '../../src/cli/labelled-csv';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { fitBaselineOnce, SINGLE_FIT_PARAMS } from '../../src/lib/core/ml/single-fit';

const DEV_FILE = fileURLToPath(new URL('../../../shared/data/dissidentia-dev.csv', import.meta.url));
const fits = Number(process.argv[2] ?? 1);
const data = existsSync(DEV_FILE)
  ? readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] })
  : fixtureSet();
const seconds: number[] = [];
const cpuSeconds: number[] = [];
let features = 0;
for (let i = 0; i < fits; i++) {
  const before = process.cpuUsage();
  const fit = fitBaselineOnce(data.texts, data.labels, { params: SINGLE_FIT_PARAMS });
  const used = process.cpuUsage(before);
  seconds.push(Number(fit.seconds.toFixed(4)));
  cpuSeconds.push(Number(((used.user + used.system) / 1e6).toFixed(4)));
  features = fit.blocks.reduce((s, b) => s + b.vocabulary.length, 0);
}
console.log(JSON.stringify({ seconds, cpuSeconds, features, sentences: data.texts.length }));
