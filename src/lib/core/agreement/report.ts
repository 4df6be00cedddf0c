// The agreement report of a set of labelled units: every statistic with its bootstrap interval, per-pair confusion
// matrices, label distributions, labels per unit, agreement per guideline version, and the disagreements.
import { bootstrapInterval, bootstrapIntervalAsync, type Interval } from './bootstrap';
import { cohenKappa, countBy, fleissKappa, krippendorffAlpha, percentAgreement, type FleissResult, type Ratings } from './statistics';

/** One labelled unit: its id, and each annotator's label (null: not labelled) with the guideline version it used. */
export interface LabelledUnit {
  id: number | string;
  labels: readonly (string | null)[];
  versions?: readonly (number | null)[];
  /** When each label was given (ms since 1970), for agreement over time. */
  times?: readonly (number | null)[];
}

export interface PairAgreement {
  a: string;
  b: string;
  kappa: number;
  units: number;
  interval: Interval;
  /** counts[i][j]: units `a` labelled labels[i] and `b` labels[j]. */
  confusion: number[][];
}

export interface AgreementReport {
  annotators: string[];
  labels: string[];
  /** Units with at least one label. */
  items: number;
  /** How many units carry 1, 2, 3… labels. */
  labelsPerUnit: Record<number, number>;
  percentAgreement: { value: number; interval: Interval };
  pairs: PairAgreement[];
  fleiss: FleissResult & { interval: Interval };
  krippendorffAlpha: { alpha: number; units: number; interval: Interval };
  /** Labels given by each annotator. */
  distribution: { annotator: string; counts: Record<string, number>; total: number }[];
  /** Agreement among the labels made under each guideline version (units with two or more such labels). */
  byGuideline: { version: number; units: number; alpha: number; percentAgreement: number }[];
  /** Agreement over time: units grouped by the month (UTC, YYYY-MM) of their last label. */
  byMonth: { month: string; units: number; alpha: number; percentAgreement: number }[];
  /** Units whose labels differ, in the order given. */
  disagreements: (number | string)[];
}

export interface ReportOptions {
  /** Bootstrap resamples (0: no intervals). */
  samples?: number;
  seed?: number;
}

const NO_INTERVAL: Interval = { low: NaN, high: NaN, samples: 0 };
const column = (r: Ratings, k: number) => r.map((row) => row[k] ?? null);

/** Each statistic of the report that gets an interval, by key: 'percent', 'pair:i:j', 'fleiss', 'alpha'. */
function statistics(annotators: number, ratings: Ratings): Map<string, (r: Ratings) => number> {
  const out = new Map<string, (r: Ratings) => number>([['percent', percentAgreement]]);
  for (let i = 0; i < annotators; i++) for (let j = i + 1; j < annotators; j++) out.set(`pair:${i}:${j}`, (r) => cohenKappa(column(r, i), column(r, j)).kappa);
  const raters = fleissKappa(ratings).raters;
  out.set('fleiss', (r) => fleissKappa(r, raters).kappa);
  out.set('alpha', (r) => krippendorffAlpha(r).alpha);
  return out;
}

/** Bootstrap intervals of every statistic, pausing between slices of work (the same numbers as agreementReport's). */
export async function agreementIntervals(annotators: number, units: readonly LabelledUnit[], options: ReportOptions & { signal?: AbortSignal } = {}): Promise<Map<string, Interval>> {
  const ratings: Ratings = units.map((u) => u.labels);
  const out = new Map<string, Interval>();
  for (const [key, statistic] of statistics(annotators, ratings)) {
    out.set(key, await bootstrapIntervalAsync(ratings, statistic, { samples: options.samples ?? 1000, seed: options.seed ?? 1, signal: options.signal }));
  }
  return out;
}

/** The report with these intervals in place of its own. */
export function withIntervals(report: AgreementReport, intervals: ReadonlyMap<string, Interval>): AgreementReport {
  const pick = (key: string) => intervals.get(key) ?? NO_INTERVAL;
  const index = new Map(report.annotators.map((a, i) => [a, i]));
  return {
    ...report,
    percentAgreement: { ...report.percentAgreement, interval: pick('percent') },
    pairs: report.pairs.map((p) => ({ ...p, interval: pick(`pair:${index.get(p.a)}:${index.get(p.b)}`) })),
    fleiss: { ...report.fleiss, interval: pick('fleiss') },
    krippendorffAlpha: { ...report.krippendorffAlpha, interval: pick('alpha') },
  };
}

/** The whole report; `samples: 0` leaves the intervals out (NaN) for a quick first look. */
export function agreementReport(annotators: readonly string[], units: readonly LabelledUnit[], options: ReportOptions = {}): AgreementReport {
  const samples = options.samples ?? 1000;
  const seed = options.seed ?? 1;
  const ratings: Ratings = units.map((u) => u.labels);
  const labelled = units.filter((u) => u.labels.some((l) => l !== null));
  const labels = [...new Set(units.flatMap((u) => u.labels.filter((l): l is string => l !== null)))].sort();
  const stats = statistics(annotators.length, ratings);
  const interval = (key: string): Interval => (samples > 0 ? bootstrapInterval(ratings, stats.get(key)!, { samples, seed }) : NO_INTERVAL);

  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const { kappa, units: n } = cohenKappa(column(ratings, i), column(ratings, j));
      const confusion = labels.map((x) => labels.map((y) => units.filter((u) => u.labels[i] === x && u.labels[j] === y).length));
      pairs.push({ a: annotators[i]!, b: annotators[j]!, kappa, units: n, interval: interval(`pair:${i}:${j}`), confusion });
    }
  }
  const fleiss = fleissKappa(ratings);
  const alpha = krippendorffAlpha(ratings);
  const versions = [...new Set(units.flatMap((u) => (u.versions ?? []).filter((v): v is number => v !== null)))].sort((a, b) => a - b);

  return {
    annotators: [...annotators],
    labels,
    items: labelled.length,
    labelsPerUnit: Object.fromEntries(countBy(labelled.map((u) => u.labels.filter((l) => l !== null).length))),
    percentAgreement: { value: percentAgreement(ratings), interval: interval('percent') },
    pairs,
    fleiss: { ...fleiss, interval: interval('fleiss') },
    krippendorffAlpha: { alpha: alpha.alpha, units: alpha.units, interval: interval('alpha') },
    distribution: annotators.map((annotator, k) => {
      const counts = countBy(units.map((u) => u.labels[k]).filter((l): l is string => l != null));
      return { annotator, counts: Object.fromEntries(counts), total: [...counts.values()].reduce((s, n) => s + n, 0) };
    }),
    byGuideline: versions.map((version) => {
      const under = units.map((u) => u.labels.map((l, k) => (u.versions?.[k] === version ? l : null)));
      const { alpha: a, units: n } = krippendorffAlpha(under);
      return { version, units: n, alpha: a, percentAgreement: percentAgreement(under) };
    }),
    byMonth: agreementByMonth(units),
    disagreements: units.filter((u) => new Set(u.labels.filter((l) => l !== null)).size > 1).map((u) => u.id),
  };
}

/** Units with two or more labels, grouped by the month in which their last label was given. */
function agreementByMonth(units: readonly LabelledUnit[]): AgreementReport['byMonth'] {
  const groups = new Map<string, LabelledUnit[]>();
  for (const u of units) {
    const times = (u.times ?? []).filter((t): t is number => t !== null);
    if (times.length < 2 || u.labels.filter((l) => l !== null).length < 2) continue;
    const month = new Date(Math.max(...times)).toISOString().slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), u]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => {
      const ratings = list.map((u) => u.labels);
      const { alpha, units: n } = krippendorffAlpha(ratings);
      return { month, units: n, alpha, percentAgreement: percentAgreement(ratings) };
    });
}

/** Landis & Koch's (1977) bands for κ-like values: a convention for reading them, not a test. */
export type AgreementBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect';

export function landisKoch(value: number): AgreementBand | undefined {
  if (Number.isNaN(value)) return undefined;
  if (value < 0) return 'poor';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almostPerfect';
}
