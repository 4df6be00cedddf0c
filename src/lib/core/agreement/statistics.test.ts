// Agreement statistics against reference values: the shared three-annotator file (scikit-learn and textbook figures
// in ../shared/data/README.md) and published worked examples.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../annotation/import-parse';
import { bootstrapInterval } from './bootstrap';
import { agreementIntervals, agreementReport, landisKoch, withIntervals } from './report';
import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement } from './statistics';

const devCsv = path.resolve(fileURLToPath(new URL('../../../..', import.meta.url)), '../shared/data/dissidentia-dev.csv');

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers × 12 units nominal example with
// missing values (rows: observers A–D; null: no value). Published nominal α = 0.743.
const K = null;
const KRIPPENDORFF_OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, K, K, K],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, K, 3],
  [K, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, K],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, K],
];
const krippendorffUnits = KRIPPENDORFF_OBSERVERS[0]!.map((_, u) => KRIPPENDORFF_OBSERVERS.map((o) => (o[u] === null ? null : String(o[u]))));

// Fleiss (1971), the worked example of Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories;
// rows give how many raters chose each category. Published κ = 0.210.
const FLEISS_COUNTS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];
const fleissUnits = FLEISS_COUNTS.map((row) => row.flatMap((n, c) => Array<string>(n).fill(`c${c + 1}`)));

describe('agreement statistics on published examples', () => {
  it("gives Krippendorff's α = 0.743 on his 4-observer, 12-unit nominal example with missing values", () => {
    const result = krippendorffAlpha(krippendorffUnits);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    // Unit 12 has a single value: not pairable, left out.
    expect(result.units).toBe(11);
  });

  it("gives Fleiss' κ = 0.210 on the 10-subject, 14-rater example", () => {
    const result = fleissKappa(fleissUnits);
    expect(result.kappa).toBeCloseTo(0.21, 3);
    expect(result).toMatchObject({ units: 10, raters: 14 });
  });

  it("gives Cohen's κ of a 2 × 2 table by hand: 20/5/10/15 → 0.40", () => {
    // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
    expect(cohenKappa(a, b).kappa).toBeCloseTo(0.4, 10);
    expect(cohenKappa(a, [...b.slice(0, 49), null]).units).toBe(49);
  });

  it('is 1 on perfect agreement and counts percent agreement over label pairs', () => {
    const same = [['x', 'x', null], ['y', 'y', 'y'], ['x', null, 'x']];
    expect(krippendorffAlpha(same).alpha).toBe(1);
    expect(percentAgreement(same)).toBe(1);
    expect(percentAgreement([['x', 'y', 'y']])).toBeCloseTo(1 / 3, 10);
    expect(landisKoch(0.18)).toBe('slight');
    expect(landisKoch(0.33)).toBe('fair');
    expect(landisKoch(-0.1)).toBe('poor');
  });

  it('draws the same bootstrap interval for the same seed, around the value', () => {
    const a = bootstrapInterval(krippendorffUnits, (r) => krippendorffAlpha(r).alpha, { samples: 300, seed: 4 });
    const b = bootstrapInterval(krippendorffUnits, (r) => krippendorffAlpha(r).alpha, { samples: 300, seed: 4 });
    expect(a).toEqual(b);
    expect(a.low).toBeLessThan(0.743);
    expect(a.high).toBeGreaterThan(0.743);
  });
});

describe.skipIf(!existsSync(devCsv))(`agreement on the shared file (${devCsv})`, () => {
  const rows = existsSync(devCsv) ? parseCsvText(readFileSync(devCsv, 'utf8')).rows : [];
  const ratings = rows.map((r) => ['annotator_a', 'annotator_b', 'annotator_c'].map((c) => r[c] || null));

  it("matches the reference Cohen's κ, Fleiss' κ and Krippendorff's α to 3 decimals", () => {
    const pair = (i: number, j: number) => cohenKappa(ratings.map((r) => r[i]!), ratings.map((r) => r[j]!));
    expect(pair(0, 1)).toMatchObject({ units: 151 });
    expect(pair(0, 1).kappa).toBeCloseTo(0.1843, 3);
    expect(pair(0, 2).kappa).toBeCloseTo(0.4576, 3);
    expect(pair(1, 2).kappa).toBeCloseTo(0.3454, 3);
    const fleiss = fleissKappa(ratings);
    expect(fleiss).toMatchObject({ units: 151, raters: 3 });
    expect(fleiss.kappa).toBeCloseTo(0.3265, 3);
    expect(krippendorffAlpha(ratings).alpha).toBeCloseTo(0.328, 3);
  });

  it('builds the report: pairs with intervals, label counts per unit, disagreements', async () => {
    const report = agreementReport(['a', 'b', 'c'], ratings.map((labels, i) => ({ id: i, labels })), { samples: 200, seed: 1 });
    expect(report.items).toBe(151);
    expect(report.labelsPerUnit).toEqual({ 3: 151 });
    expect(report.pairs.map((p) => p.kappa.toFixed(4))).toEqual(['0.1843', '0.4576', '0.3454']);
    for (const p of report.pairs) {
      expect(p.interval.low).toBeLessThan(p.kappa);
      expect(p.interval.high).toBeGreaterThan(p.kappa);
      expect(p.confusion.flat().reduce((s, n) => s + n, 0)).toBe(151);
    }
    expect(report.disagreements.length).toBeGreaterThan(30);
    expect(report.distribution.map((d) => d.total)).toEqual([151, 151, 151]);
    // The screen's path: figures at once, intervals computed in slices afterwards, the same numbers.
    const quick = agreementReport(['a', 'b', 'c'], ratings.map((labels, i) => ({ id: i, labels })), { samples: 0 });
    expect(Number.isNaN(quick.fleiss.interval.low)).toBe(true);
    const later = withIntervals(quick, await agreementIntervals(3, ratings.map((labels, i) => ({ id: i, labels })), { samples: 200, seed: 1 }));
    expect(later).toEqual(report);
  });

  it('groups agreement over time by the month of each sentence’s last label', () => {
    const jan = Date.UTC(2026, 0, 15);
    const feb = Date.UTC(2026, 1, 3);
    const units = [
      { id: 1, labels: ['x', 'y'], times: [jan, jan] },
      { id: 2, labels: ['x', 'x'], times: [jan, feb] },
      { id: 3, labels: ['y', 'y'], times: [feb, feb] },
      { id: 4, labels: ['x', null], times: [feb, null] },
    ];
    const report = agreementReport(['a', 'b'], units, { samples: 0 });
    expect(report.byMonth.map((m) => [m.month, m.units, m.percentAgreement])).toEqual([
      ['2026-01', 1, 0],
      ['2026-02', 2, 1],
    ]);
  });
});
