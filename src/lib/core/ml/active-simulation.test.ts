import { describe, expect, it } from 'vitest';
import { fullDataAuc, simulate, type SimulationSettings } from './active-simulation';
import { fixtureSet } from './fixture-sentences';
import { stratifiedKFold } from './folds';

const { texts, labels } = fixtureSet();
const SETTINGS: SimulationSettings = { start: 12, step: 6, targetShare: 0.95, folds: 3, splitSeed: 7 };

describe('active learning simulation', () => {
  it('stops at the start when the target is already met, and uses up the pool when it cannot be', () => {
    const easy = simulate(texts, labels, 'uncertainty', 0, 0, SETTINGS);
    expect(easy.labelsToTarget).toBe(12);
    const impossible = simulate(texts, labels, 'random', 1, 1.01, SETTINGS);
    expect(impossible.labelsToTarget).toBeNull();
    const fold = stratifiedKFold(labels, 3, 7)[1]!;
    expect(impossible.curve[impossible.curve.length - 1]!.labels).toBe(fold.train.length);
    expect(new Set(impossible.labelled)).toEqual(new Set(fold.train));
    // Each round adds `step` labels (the last one what is left).
    const steps = impossible.curve.slice(1).map((p, i) => p.labels - impossible.curve[i]!.labels);
    for (const s of steps.slice(0, -1)) expect(s).toBe(6);
  });

  it('uncertainty picks differ from random picks, and both are reproducible', () => {
    const a = simulate(texts, labels, 'uncertainty', 2, 1.01, SETTINGS);
    const b = simulate(texts, labels, 'uncertainty', 2, 1.01, SETTINGS);
    expect(a.curve).toEqual(b.curve);
    const r = simulate(texts, labels, 'random', 2, 1.01, SETTINGS);
    expect(a.labelled).toEqual(b.labelled);
    // Same random start, then different picks.
    expect(r.labelled.slice(0, 12)).toEqual(a.labelled.slice(0, 12));
    expect(r.labelled.slice(12, 18)).not.toEqual(a.labelled.slice(12, 18));
  });

  it('explore picks at random until its threshold, then half of each round by the queue order', () => {
    const settings = { ...SETTINGS, exploreUntil: 18 };
    const e = simulate(texts, labels, 'explore', 3, 1.01, settings);
    const r = simulate(texts, labels, 'random', 3, 1.01, settings);
    expect(e.labelled.slice(0, 18)).toEqual(r.labelled.slice(0, 18));
    expect(e.labelled.slice(18, 24)).not.toEqual(r.labelled.slice(18, 24));
    expect(simulate(texts, labels, 'explore', 3, 1.01, settings).labelled).toEqual(e.labelled);
  });

  it('the full-data reference is the mean of the folds’ held-out AUCs', () => {
    const reference = fullDataAuc(texts, labels, SETTINGS);
    expect(reference.foldAucs).toHaveLength(3);
    expect(reference.auc).toBeCloseTo(reference.foldAucs.reduce((s, a) => s + a, 0) / 3);
    expect(reference.auc).toBeGreaterThan(0.6);
  });
});
