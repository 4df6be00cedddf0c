// Counts of a check run apart by what they judge: the model's behaviour (the suite) and the slices of a labelled set,
// so that a headline does not change with the labelled set picked, nor mix accuracy slices with behaviour checks.
import type { CheckResult } from './types';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export function tally(checks: readonly CheckResult[]): { behaviour: Tally; slices: Tally } {
  const count = (list: readonly CheckResult[]): Tally => ({
    passed: list.filter((c) => !c.skipped && c.passed).length,
    failed: list.filter((c) => !c.skipped && !c.passed).length,
    skipped: list.filter((c) => c.skipped).length,
  });
  return { behaviour: count(checks.filter((c) => c.kind !== 'slice')), slices: count(checks.filter((c) => c.kind === 'slice')) };
}
