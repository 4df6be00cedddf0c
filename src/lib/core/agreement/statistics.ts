// Inter-annotator agreement on nominal labels: percent agreement, Cohen's κ per pair, Fleiss' κ (overall and per
// category), Krippendorff's α with missing labels. A rating matrix has one row per unit (sentence) and one column per
// annotator; null is "this annotator did not label this unit".

export type Label = string;
export type Ratings = readonly (readonly (Label | null)[])[];

const labelsOf = (row: readonly (Label | null)[]): Label[] => row.filter((v): v is Label => v !== null);

/** Mean, over units with at least two labels, of the share of label pairs that agree; NaN when there is none. */
export function percentAgreement(ratings: Ratings): number {
  let sum = 0;
  let units = 0;
  for (const row of ratings) {
    const labels = labelsOf(row);
    const m = labels.length;
    if (m < 2) continue;
    const counts = countBy(labels);
    let agreeing = 0;
    for (const n of counts.values()) agreeing += n * (n - 1);
    sum += agreeing / (m * (m - 1));
    units++;
  }
  return units ? sum / units : NaN;
}

/** Cohen's κ of two annotators on the units both labelled; NaN when there are none or chance agreement is total. */
export function cohenKappa(a: readonly (Label | null)[], b: readonly (Label | null)[]): { kappa: number; units: number } {
  const pairs: [Label, Label][] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x != null && y != null) pairs.push([x, y]);
  }
  const n = pairs.length;
  if (!n) return { kappa: NaN, units: 0 };
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const left = countBy(pairs.map(([x]) => x));
  const right = countBy(pairs.map(([, y]) => y));
  let expected = 0;
  for (const [label, count] of left) expected += (count / n) * ((right.get(label) ?? 0) / n);
  return { kappa: expected === 1 ? NaN : (observed - expected) / (1 - expected), units: n };
}

export interface FleissResult {
  kappa: number;
  /** κ of each category (agreement on that category against the others). */
  perCategory: Record<Label, number>;
  /** Units used: those with exactly `raters` labels. */
  units: number;
  raters: number;
}

/**
 * Fleiss' κ on the units that carry exactly `raters` labels (by default the largest number any unit carries, so that
 * a file where some sentences have three labels and others one measures the three-label ones).
 */
export function fleissKappa(ratings: Ratings, raters?: number): FleissResult {
  const rows = ratings.map(labelsOf);
  const n = raters ?? Math.max(0, ...rows.map((r) => r.length));
  const used = n >= 2 ? rows.filter((r) => r.length === n) : [];
  const N = used.length;
  const categories = [...new Set(used.flat())].sort();
  if (!N || categories.length === 0) return { kappa: NaN, perCategory: {}, units: N, raters: n };
  const counts = used.map((r) => countBy(r));
  let observed = 0;
  for (const c of counts) {
    let s = 0;
    for (const k of c.values()) s += k * (k - 1);
    observed += s / (n * (n - 1));
  }
  observed /= N;
  const share = new Map(categories.map((cat) => [cat, counts.reduce((s, c) => s + (c.get(cat) ?? 0), 0) / (N * n)]));
  let expected = 0;
  for (const p of share.values()) expected += p * p;
  const perCategory: Record<Label, number> = {};
  for (const cat of categories) {
    const p = share.get(cat)!;
    let disagreement = 0;
    for (const c of counts) {
      const k = c.get(cat) ?? 0;
      disagreement += k * (n - k);
    }
    perCategory[cat] = p === 0 || p === 1 ? NaN : 1 - disagreement / (N * n * (n - 1) * p * (1 - p));
  }
  return { kappa: expected === 1 ? NaN : (observed - expected) / (1 - expected), perCategory, units: N, raters: n };
}

/**
 * Krippendorff's α for nominal labels, missing labels allowed: units with fewer than two labels carry no pairable
 * value and are left out. Built from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability").
 */
export function krippendorffAlpha(ratings: Ratings): { alpha: number; units: number; values: number } {
  const coincidence = new Map<Label, Map<Label, number>>();
  const add = (c: Label, k: Label, w: number) => {
    const row = coincidence.get(c) ?? new Map<Label, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  let units = 0;
  for (const row of ratings) {
    const labels = labelsOf(row);
    const m = labels.length;
    if (m < 2) continue;
    units++;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(labels[i]!, labels[j]!, 1 / (m - 1));
  }
  const totals = new Map<Label, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of coincidence) {
    for (const [k, w] of row) {
      totals.set(c, (totals.get(c) ?? 0) + w);
      n += w;
      if (c !== k) disagreeing += w;
    }
  }
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  const values = Math.round(n);
  if (n <= 1 || expected === 0) return { alpha: NaN, units, values };
  return { alpha: 1 - ((n - 1) * disagreeing) / expected, units, values };
}

export function countBy<T>(items: Iterable<T>): Map<T, number> {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}
