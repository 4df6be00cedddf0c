// The suite editor's form as plain fields (lines of text, numbers) and back to a case; the suite's parser judges it.
import type { CheckCase, CheckKind, Direction, PerturbationName, Verdict } from './types';

export interface CaseDraft {
  kind: Exclude<CheckKind, 'slice'>;
  name: string;
  expected: Verdict;
  /** Sentences or templates, one per line. */
  texts: string;
  mode: 'perturbation' | 'fillers';
  perturbation: PerturbationName;
  fillers: string;
  tolerance: number;
  prefix: string;
  suffix: string;
  expect: Direction;
  margin: number;
  power: string;
  others: string;
  minGap: number;
}

export const EMPTY_DRAFT: CaseDraft = {
  kind: 'mft',
  name: '',
  expected: 'dissident',
  texts: '',
  mode: 'perturbation',
  perturbation: 'lowercase',
  fillers: '',
  tolerance: 0.1,
  prefix: '',
  suffix: '',
  expect: 'up',
  margin: 0.05,
  power: '',
  others: '',
  minGap: 0.2,
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function draftOf(c: CheckCase): CaseDraft {
  const base = { ...EMPTY_DRAFT, kind: c.kind, name: c.name, texts: c.texts.join('\n') };
  switch (c.kind) {
    case 'mft':
      return { ...base, expected: c.expected };
    case 'inv':
      return { ...base, mode: c.fillers ? 'fillers' : 'perturbation', perturbation: c.perturbation ?? 'lowercase', fillers: (c.fillers ?? []).join('\n'), tolerance: c.tolerance };
    case 'dir':
      return { ...base, prefix: c.prefix, suffix: c.suffix, expect: c.expect, margin: c.margin };
    case 'target':
      return { ...base, power: c.power.join('\n'), others: c.others.join('\n'), minGap: c.minGap };
  }
}

/** The case a draft describes, with the id given (kept when editing, new when adding). */
export function caseOf(draft: CaseDraft, id: string): CheckCase {
  const base = { id, name: draft.name.trim(), texts: lines(draft.texts) };
  switch (draft.kind) {
    case 'mft':
      return { ...base, kind: 'mft', expected: draft.expected };
    case 'inv':
      return draft.mode === 'fillers'
        ? { ...base, kind: 'inv', fillers: lines(draft.fillers), tolerance: Number(draft.tolerance) }
        : { ...base, kind: 'inv', perturbation: draft.perturbation, tolerance: Number(draft.tolerance) };
    case 'dir':
      return { ...base, kind: 'dir', prefix: draft.prefix.trim(), suffix: draft.suffix.trim(), expect: draft.expect, margin: Number(draft.margin) };
    case 'target':
      return { ...base, kind: 'target', power: lines(draft.power), others: lines(draft.others), minGap: Number(draft.minGap) };
  }
}
