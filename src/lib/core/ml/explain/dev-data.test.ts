// Tests: explanations of a baseline trained on the shared real sentences; skipped, naming the file, when it is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLabelledCsv } from '../../../../cli/labelled-csv';
import { predictProba, trainBaseline } from '../model';
import { exactContributions, explainBaselineText, limeExplain, topWords, type Explanation } from './index';

const DEV_FILE = fileURLToPath(new URL('../../../../../../shared/data/dissidentia-dev.csv', import.meta.url));
const present = existsSync(DEV_FILE);
const title = (what: string) => (present ? what : `skipped: missing file ${DEV_FILE}`);
const EXAMPLE = 'Organisation nulle. Je suggère de simplifier ce fonctionnement.';

describe.skipIf(!present)('explanations of a baseline trained on shared/data/dissidentia-dev.csv', async () => {
  const set = present ? readLabelledCsv(DEV_FILE, { text: 'text', label: 'label', positive: 'dissident', exclude: ['inclassable'] }) : { texts: [], labels: [] };
  // The default hyperparameters without a search: the model the CLI's `train --search none` would write.
  const model = present ? await trainBaseline(set.texts, set.labels, { search: 'none', learningCurve: null }) : null;

  it(title('calls the first example sentence dissident because of "nulle", and the second not dissident'), async () => {
    if (!model) return;
    for (const method of ['exact', 'lime'] as const) {
      const [first, second]: Explanation[] = await explainBaselineText(model, EXAMPLE, method, { seed: 1 });
      expect(first.sentence).toBe('Organisation nulle.');
      expect(first.probability).toBeGreaterThanOrEqual(model.threshold);
      expect(second.sentence).toBe('Je suggère de simplifier ce fonctionnement.');
      expect(second.probability).toBeLessThan(model.threshold);
      const [top] = topWords(first.words, 1);
      expect(top.word).toBe('nulle');
      expect(top.weight).toBeGreaterThan(0);
      expect(topWords(second.words, 1)[0].weight).toBeLessThan(0);
    }
  });

  it(title("LIME's strongest words largely agree with the exact ones (every 8th sentence of 4 words or more)"), async () => {
    if (!model) return;
    let sentences = 0;
    let overlap = 0;
    let sameTop = 0;
    let sameSign = 0;
    for (const text of set.texts.filter((_, i) => i % 8 === 0)) {
      const exact = exactContributions(model, text);
      if (exact.words.length < 4) continue;
      const lime = await limeExplain(text, (texts) => predictProba(model, texts), { seed: 7 });
      const a = topWords(exact.words, 5).map((w) => w.start);
      const b = topWords(lime.words, 5).map((w) => w.start);
      sentences++;
      overlap += a.filter((s) => b.includes(s)).length / 5;
      if (a[0] === b[0]) sameTop++;
      const strongest = topWords(exact.words, 1)[0];
      if (Math.sign(lime.words.find((w) => w.start === strongest.start)?.weight ?? 0) === Math.sign(strongest.weight)) sameSign++;
    }
    expect(sentences).toBeGreaterThan(80);
    // Measured: 85 % of the top five shared, the same strongest word in 92 % of sentences.
    expect(overlap / sentences).toBeGreaterThan(0.7);
    expect(sameTop / sentences).toBeGreaterThan(0.8);
    expect(sameSign / sentences).toBeGreaterThan(0.95);
  });
});
