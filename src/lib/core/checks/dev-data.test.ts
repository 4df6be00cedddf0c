// Tests: the shipped suite on the baseline trained on the shared real sentences; skipped, naming the file, when absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLabelledCsv } from '../../../cli/labelled-csv';
import { shippedSuite } from '../../checks/shipped';
import { predictProba, trainBaseline } from '../ml/model';
import { runCheckSuite } from './suite';

const DEV_FILE = fileURLToPath(new URL('../../../../../shared/data/dissidentia-dev.csv', import.meta.url));
const present = existsSync(DEV_FILE);
const title = present ? 'the baseline cannot tell the State from other groups: the target probe fails' : `skipped: missing file ${DEV_FILE}`;

describe('checks on the baseline trained on shared/data/dissidentia-dev.csv', () => {
  it.skipIf(!present)(title, async () => {
    const set = readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] });
    const model = await trainBaseline(set.texts, set.labels, { search: 'none', learningCurve: null });
    const report = await runCheckSuite(shippedSuite(), (texts) => predictProba(model, texts), { threshold: model.threshold });
    const target = report.checks.find((c) => c.kind === 'target')!;
    // What the guideline's second criterion asks, and 900 sentences do not teach: the gap stays near zero.
    expect(target.passed).toBe(false);
    expect(target.gap!).toBeLessThan(0.2);
    expect(report.failed).toBeGreaterThan(0);
  });
});
