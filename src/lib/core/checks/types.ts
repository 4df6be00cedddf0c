// Shapes of a check suite (the team's data file) and of a run's report (printed by the CLI, stored with the model).

export const CHECK_SUITE_FORMAT = 'dissidentia-checks';
export const CHECK_SUITE_FORMAT_VERSION = 1;

export type Verdict = 'dissident' | 'non dissident';
export type PerturbationName = 'lowercase' | 'uppercase' | 'stripAccents' | 'repeatPunctuation' | 'removePunctuation' | 'typos';
export type Direction = 'up' | 'notUp' | 'down';
export type CheckKind = 'mft' | 'inv' | 'dir' | 'target' | 'slice';

interface CaseBase {
  /** Stable within a suite: edits and results refer to it. */
  id: string;
  name: string;
}

/** Minimum functionality: short sentences the guideline settles, all with the same expected verdict. */
export interface MftCase extends CaseBase {
  kind: 'mft';
  expected: Verdict;
  texts: string[];
}

/**
 * Invariance: no verdict flip, and the probability moves by at most `tolerance`. Either each text is perturbed, or
 * (with `fillers`) each text is a template whose `{x}` takes every filler (one institution, place… for another).
 */
export interface InvCase extends CaseBase {
  kind: 'inv';
  texts: string[];
  perturbation?: PerturbationName;
  fillers?: string[];
  tolerance: number;
}

/** Directional expectation: `prefix + text + suffix` moves the probability as `expect` says, by `margin`. */
export interface DirCase extends CaseBase {
  kind: 'dir';
  texts: string[];
  prefix: string;
  suffix: string;
  expect: Direction;
  margin: number;
}

/**
 * Target probe: each template's `{x}` takes a target the guideline counts (power: dissident) and one it does not
 * (others: not dissident); every version must get its verdict, and the mean gap must reach `minGap`.
 */
export interface TargetCase extends CaseBase {
  kind: 'target';
  texts: string[];
  power: string[];
  others: string[];
  minGap: number;
}

export type CheckCase = MftCase | InvCase | DirCase | TargetCase;

export interface SliceSettings {
  /** Slices with fewer labelled sentences are reported but not judged. */
  minRows: number;
  /** A slice fails when its accuracy is this much below the whole set's. */
  maxDrop: number;
}

export interface CheckSuite {
  format: typeof CHECK_SUITE_FORMAT;
  formatVersion: typeof CHECK_SUITE_FORMAT_VERSION;
  /** The suite's own version, raised by the team with each change of cases. */
  version: number;
  language: string;
  slices: SliceSettings;
  cases: CheckCase[];
}

/** One failing example: the text scored, and what it was compared with. */
export interface CheckFailure {
  text: string;
  probability: number;
  expected?: Verdict;
  /** Invariance and direction: the unchanged text and its probability. */
  original?: string;
  originalProbability?: number;
  /** Slices: the gold label. */
  label?: Verdict;
}

export interface SliceMetrics {
  n: number;
  positives: number;
  accuracy: number;
  f1: number | null;
}

export interface CheckResult {
  id: string;
  kind: CheckKind;
  name: string;
  passed: boolean;
  /** Not judged (a slice too small, a case with nothing to test): neither passed nor failed. */
  skipped?: string;
  /** Examples scored for this check. */
  tested: number;
  failures: CheckFailure[];
  /** Target probes: mean P(dissident) aimed at power minus aimed at other groups. */
  gap?: number;
  /** Direction checks: what each rewrite had to do to the probability, so that a reader can judge the failures. */
  direction?: { expect: Direction; margin: number };
  slice?: SliceMetrics & { family: string };
}

export interface CheckReport {
  passed: number;
  failed: number;
  skipped: number;
  threshold: number;
  suiteVersion: number;
  /** Mean gap over the target probes (null without any). */
  targetGap: number | null;
  /** Slices of the labelled set, when one was given: the whole set and the weakest judged slices' ids. */
  labelled: { overall: SliceMetrics; weakest: string[] } | null;
  checks: CheckResult[];
}
