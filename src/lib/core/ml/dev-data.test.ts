// Tests: Training on the shared real sentences; skipped, naming the file, when it is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLabelledCsv } from '../../../cli/labelled-csv';
import { rocAuc } from './metrics';
import { predictProba, trainBaseline } from './model';

// The shared development file lives beside the repository; the suite must pass without it.
const DEV_FILE = fileURLToPath(new URL('../../../../../shared/data/dissidentia-dev.csv', import.meta.url));
const present = existsSync(DEV_FILE);

const title = present ? 'reaches a cross-validated ROC AUC well above chance' : `skipped: missing file ${DEV_FILE}`;

describe('real labelled sentences (shared/data/dissidentia-dev.csv)', () => {
  it.skipIf(!present)(title, async () => {
    const set = readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] });
    expect(set.texts).toHaveLength(862);
    expect(set.excluded).toBe(39);
    const model = await trainBaseline(set.texts, set.labels, { search: 'none', learningCurve: null });
    expect(model.cv.auc).toBeGreaterThan(0.74);
    expect(model.cv.averagePrecision).toBeGreaterThan(205 / 862);
    expect(rocAuc(set.labels, predictProba(model, set.texts))).toBeGreaterThan(model.cv.auc);
  });
});
