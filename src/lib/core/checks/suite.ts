// Runs a check suite on any model given as a batch `score(texts)` function: every text is scored once, then each
// case is judged at the model's threshold; with a labelled set, its slices too.
import { throwIfAborted, yieldAndCheck } from '../ml/abort';
import { labelAt } from '../ml/threshold';
import { addAround, fillTemplate, perturb } from './perturbations';
import { sliceChecks } from './slices';
import type { CheckCase, CheckFailure, CheckReport, CheckResult, CheckSuite, DirCase, InvCase, MftCase, TargetCase, Verdict } from './types';

export type ScoreFn = (texts: string[]) => Promise<ArrayLike<number>> | ArrayLike<number>;

export interface RunOptions {
  threshold: number;
  labelled?: { texts: readonly string[]; labels: readonly (0 | 1)[] };
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Texts per call of `score` (progress and cancel happen between calls). */
  batchSize?: number;
  seed?: number;
}

type Probabilities = Map<string, number>;
const verdictOf = (p: number, threshold: number): Verdict => (labelAt(p, threshold) === 1 ? 'dissident' : 'non dissident');

/** Invariance variants: pairs of (original, variant), a variant equal to its original left out. */
function invPairs(c: InvCase, seed: number): { original: string; variant: string }[] {
  if (c.fillers) {
    return c.texts.flatMap((template) => {
      const [first, ...rest] = c.fillers!.map((f) => fillTemplate(template, f));
      return rest.map((variant) => ({ original: first, variant }));
    });
  }
  return c.texts.map((original, i) => ({ original, variant: perturb(c.perturbation!, original, seed + i) })).filter((p) => p.variant !== p.original);
}

function dirPairs(c: DirCase): { original: string; variant: string }[] {
  return c.texts.map((original) => ({ original, variant: addAround(original, c.prefix, c.suffix) }));
}

function targetVersions(c: TargetCase): { text: string; expected: Verdict }[] {
  return c.texts.flatMap((template) => [
    ...c.power.map((t) => ({ text: fillTemplate(template, t), expected: 'dissident' as const })),
    ...c.others.map((t) => ({ text: fillTemplate(template, t), expected: 'non dissident' as const })),
  ]);
}

/** Every text a case needs scored. */
export function caseTexts(c: CheckCase, seed = 1): string[] {
  switch (c.kind) {
    case 'mft':
      return c.texts;
    case 'inv':
      return invPairs(c, seed).flatMap((p) => [p.original, p.variant]);
    case 'dir':
      return dirPairs(c).flatMap((p) => [p.original, p.variant]);
    case 'target':
      return targetVersions(c).map((v) => v.text);
  }
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function judgeMft(c: MftCase, p: Probabilities, threshold: number): Omit<CheckResult, 'id' | 'kind' | 'name' | 'passed'> {
  const failures = c.texts.filter((t) => verdictOf(p.get(t)!, threshold) !== c.expected).map((text) => ({ text, probability: p.get(text)!, expected: c.expected }));
  return { tested: c.texts.length, failures };
}

function judgeInv(c: InvCase, p: Probabilities, threshold: number, seed: number): Omit<CheckResult, 'id' | 'kind' | 'name' | 'passed'> {
  const pairs = invPairs(c, seed);
  const failures: CheckFailure[] = [];
  for (const { original, variant } of pairs) {
    const before = p.get(original)!;
    const after = p.get(variant)!;
    const flipped = labelAt(before, threshold) !== labelAt(after, threshold);
    if (flipped || Math.abs(after - before) > c.tolerance) failures.push({ text: variant, probability: after, original, originalProbability: before });
  }
  return { tested: pairs.length, failures };
}

function judgeDir(c: DirCase, p: Probabilities): Omit<CheckResult, 'id' | 'kind' | 'name' | 'passed'> {
  const pairs = dirPairs(c);
  const failures: CheckFailure[] = [];
  for (const { original, variant } of pairs) {
    const delta = p.get(variant)! - p.get(original)!;
    const ok = c.expect === 'up' ? delta >= c.margin : c.expect === 'down' ? -delta >= c.margin : delta <= c.margin;
    if (!ok) failures.push({ text: variant, probability: p.get(variant)!, original, originalProbability: p.get(original)! });
  }
  return { tested: pairs.length, failures, direction: { expect: c.expect, margin: c.margin } };
}

function judgeTarget(c: TargetCase, p: Probabilities, threshold: number): Omit<CheckResult, 'id' | 'kind' | 'name' | 'passed'> & { gap: number } {
  const versions = targetVersions(c);
  const failures = versions.filter((v) => verdictOf(p.get(v.text)!, threshold) !== v.expected).map((v) => ({ text: v.text, probability: p.get(v.text)!, expected: v.expected }));
  const power = versions.filter((v) => v.expected === 'dissident').map((v) => p.get(v.text)!);
  const others = versions.filter((v) => v.expected !== 'dissident').map((v) => p.get(v.text)!);
  return { tested: versions.length, failures, gap: mean(power) - mean(others) };
}

/** Scores each distinct text once, in batches, with progress and cancel between batches. */
async function scoreAll(texts: string[], score: ScoreFn, options: RunOptions): Promise<Probabilities> {
  const unique = [...new Set(texts)];
  const size = options.batchSize ?? 256;
  const out: Probabilities = new Map();
  for (let start = 0; start < unique.length; start += size) {
    // A yield lets a worker's cancel message arrive between batches.
    await yieldAndCheck(options.signal);
    const batch = unique.slice(start, start + size);
    const probabilities = await score(batch);
    if (probabilities.length !== batch.length) throw new Error(`Le modèle a rendu ${probabilities.length} scores pour ${batch.length} phrases.`);
    batch.forEach((t, i) => out.set(t, probabilities[i]));
    options.onProgress?.({ done: Math.min(start + size, unique.length), total: unique.length });
  }
  throwIfAborted(options.signal);
  return out;
}

/** Runs the suite: one result per case (and per slice with a labelled set), counts, the mean target gap. */
export async function runCheckSuite(suite: CheckSuite, score: ScoreFn, options: RunOptions): Promise<CheckReport> {
  const seed = options.seed ?? 1;
  const { threshold, labelled } = options;
  const texts = suite.cases.flatMap((c) => caseTexts(c, seed));
  const p = await scoreAll([...texts, ...(labelled?.texts ?? [])], score, options);
  const checks: CheckResult[] = suite.cases.map((c) => {
    const judged =
      c.kind === 'mft' ? judgeMft(c, p, threshold) : c.kind === 'inv' ? judgeInv(c, p, threshold, seed) : c.kind === 'dir' ? judgeDir(c, p) : judgeTarget(c, p, threshold);
    const gapShort = c.kind === 'target' && (judged.gap ?? 0) < c.minGap;
    const skipped = judged.tested === 0 ? 'aucune phrase à tester (la transformation ne change aucune phrase)' : undefined;
    return { id: c.id, kind: c.kind, name: c.name, passed: !skipped && judged.failures.length === 0 && !gapShort, ...(skipped ? { skipped } : {}), ...judged };
  });
  let labelledSummary: CheckReport['labelled'] = null;
  if (labelled && labelled.texts.length > 0) {
    const probabilities = labelled.texts.map((t) => p.get(t)!);
    const slices = sliceChecks(labelled.texts, labelled.labels, probabilities, threshold, suite.slices);
    checks.push(...slices.checks);
    labelledSummary = { overall: slices.overall, weakest: slices.weakest };
  }
  const gaps = checks.flatMap((c) => (c.gap === undefined ? [] : [c.gap]));
  return {
    passed: checks.filter((c) => c.passed).length,
    failed: checks.filter((c) => !c.passed && !c.skipped).length,
    skipped: checks.filter((c) => c.skipped).length,
    threshold,
    suiteVersion: suite.version,
    targetGap: gaps.length ? mean(gaps) : null,
    labelled: labelledSummary,
    checks,
  };
}
