import { describe, expect, it } from 'vitest';
import { shippedSuite } from '../../checks/shipped';
import { runCheckSuite, type ScoreFn } from './suite';
import type { CheckCase, CheckSuite } from './types';

const suiteOf = (...cases: CheckCase[]): CheckSuite => ({ format: 'dissidentia-checks', formatVersion: 1, version: 3, language: 'fr', slices: { minRows: 2, maxDrop: 0.1 }, cases });
const model =
  (f: (text: string) => number): ScoreFn =>
  (texts) =>
    Float64Array.from(texts, f);

// "Insult ⇒ dissident": what a model learns from words alone.
const INSULT = /parasite|voleur|honte|incapable|pourri/i;
const insultModel = model((t) => (INSULT.test(t) ? 0.9 : 0.1));
// The guideline's two criteria: an insult aimed at the powers.
const POWER = /élus|fonctionnaires|ministres|état|gouvernement/i;
const guidelineModel = model((t) => (INSULT.test(t) && POWER.test(t) ? 0.9 : 0.1));

describe('runCheckSuite', () => {
  const mft: CheckCase = { id: 'm', kind: 'mft', name: 'insultes', expected: 'dissident', texts: ['Les élus sont des voleurs.', 'Les ministres sont une honte.'] };

  it('minimum functionality: fails a model that misses a settled sentence, with the example', async () => {
    const shy = model((t) => (t.includes('honte') ? 0.8 : 0.2));
    const report = await runCheckSuite(suiteOf(mft), shy, { threshold: 0.5 });
    expect(report.checks[0]).toMatchObject({ passed: false, tested: 2, failures: [{ text: 'Les élus sont des voleurs.', expected: 'dissident' }] });
    expect(report.failed).toBe(1);
    expect((await runCheckSuite(suiteOf(mft), insultModel, { threshold: 0.5 })).checks[0].passed).toBe(true);
  });

  it('invariance: fails a model that reads capitals, passes one that folds them', async () => {
    const inv: CheckCase = { id: 'i', kind: 'inv', name: 'minuscules', perturbation: 'lowercase', tolerance: 0.1, texts: ['Les Élus sont des Voleurs.', 'Trop lent.'] };
    const caseSensitive = model((t) => (/Voleurs/.test(t) ? 0.9 : 0.2));
    const failing = (await runCheckSuite(suiteOf(inv), caseSensitive, { threshold: 0.5 })).checks[0];
    expect(failing.passed).toBe(false);
    expect(failing.failures).toEqual([{ text: 'les élus sont des voleurs.', probability: 0.2, original: 'Les Élus sont des Voleurs.', originalProbability: 0.9 }]);
    expect((await runCheckSuite(suiteOf(inv), insultModel, { threshold: 0.5 })).checks[0].passed).toBe(true);
  });

  it('invariance: a probability move beyond the tolerance fails even without a flip', async () => {
    const inv: CheckCase = { id: 'i', kind: 'inv', name: 'lieux', fillers: ['Lille', 'Guéret'], tolerance: 0.1, texts: ['La poste de {x} ferme.'] };
    const placeBiased = model((t) => (t.includes('Guéret') ? 0.35 : 0.1));
    const result = (await runCheckSuite(suiteOf(inv), placeBiased, { threshold: 0.5 })).checks[0];
    expect(result).toMatchObject({ passed: false, tested: 1, failures: [{ text: 'La poste de Guéret ferme.', original: 'La poste de Lille ferme.' }] });
  });

  it('invariance: a perturbation that changes nothing is skipped, not passed', async () => {
    const inv: CheckCase = { id: 'i', kind: 'inv', name: 'ponctuation', perturbation: 'repeatPunctuation', tolerance: 0.1, texts: ['sans ponctuation'] };
    const report = await runCheckSuite(suiteOf(inv), insultModel, { threshold: 0.5 });
    expect(report).toMatchObject({ passed: 0, failed: 0, skipped: 1 });
  });

  it('direction: fails a model that a suffix does not move, or moves the wrong way', async () => {
    const up: CheckCase = { id: 'd', kind: 'dir', name: 'tous pourris', prefix: '', suffix: 'Tous pourris !', expect: 'up', margin: 0.05, texts: ['Le budget est voté.'] };
    const deaf = model(() => 0.3);
    expect((await runCheckSuite(suiteOf(up), deaf, { threshold: 0.5 })).checks[0]).toMatchObject({ passed: false, failures: [{ text: 'Le budget est voté. Tous pourris !', original: 'Le budget est voté.' }] });
    expect((await runCheckSuite(suiteOf(up), insultModel, { threshold: 0.5 })).checks[0]).toMatchObject({ passed: true, direction: { expect: 'up', margin: 0.05 } });
    const notUp: CheckCase = { ...up, id: 'n', suffix: 'Merci.', expect: 'notUp' };
    const politeIsAngry = model((t) => (t.includes('Merci') ? 0.7 : 0.3));
    expect((await runCheckSuite(suiteOf(notUp), politeIsAngry, { threshold: 0.5 })).checks[0].passed).toBe(false);
    expect((await runCheckSuite(suiteOf(notUp), deaf, { threshold: 0.5 })).checks[0].passed).toBe(true);
  });

  it('target probes: fail "insult ⇒ dissident" and report the gap; pass a model that reads the target', async () => {
    const target: CheckCase = { id: 't', kind: 'target', name: 'cibles', minGap: 0.2, power: ['les élus'], others: ['les chômeurs'], texts: ['{x} sont des parasites.'] };
    const insult = (await runCheckSuite(suiteOf(target), insultModel, { threshold: 0.5 })).checks[0];
    expect(insult).toMatchObject({ passed: false, gap: 0, failures: [{ text: 'Les chômeurs sont des parasites.', expected: 'non dissident' }] });
    const good = await runCheckSuite(suiteOf(target), guidelineModel, { threshold: 0.5 });
    expect(good.checks[0].passed).toBe(true);
    expect(good.targetGap).toBeCloseTo(0.8);
  });

  it('target probes: every verdict right but a gap below the minimum still fails', async () => {
    const target: CheckCase = { id: 't', kind: 'target', name: 'cibles', minGap: 0.2, power: ['les élus'], others: ['les chômeurs'], texts: ['{x} sont des parasites.'] };
    const barely = model((t) => (t.includes('élus') ? 0.55 : 0.45));
    const result = (await runCheckSuite(suiteOf(target), barely, { threshold: 0.5 })).checks[0];
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(false);
    expect(result.gap).toBeCloseTo(0.1);
  });

  it('slices: a model weak on one slice fails it and names it among the weakest', async () => {
    const texts = ['HONTE !', 'NULS !', 'Trop lent.', 'Trop cher.', 'Les élus sont des voleurs.', 'Il faut simplifier.'];
    const labels: (0 | 1)[] = [1, 1, 0, 0, 1, 0];
    // Right everywhere except on shouted sentences.
    const deafToShouting = model((t) => (t === t.toUpperCase() ? 0.1 : INSULT.test(t) ? 0.9 : 0.1));
    const report = await runCheckSuite(suiteOf(), deafToShouting, { threshold: 0.5, labelled: { texts, labels } });
    const capitals = report.checks.find((c) => c.id === 'slice:emphasis-capitals')!;
    expect(capitals).toMatchObject({ passed: false, tested: 2, slice: { n: 2, accuracy: 0 } });
    expect(capitals.failures.map((f) => f.text).sort()).toEqual(['HONTE !', 'NULS !']);
    expect(report.labelled?.weakest).toContain('slice:emphasis-capitals');
    expect(report.checks.find((c) => c.id === 'slice:emphasis-none')?.passed).toBe(true);
    // Slices under minRows are reported but neither passed nor failed.
    expect(report.checks.find((c) => c.id === 'slice:length-31+')).toMatchObject({ passed: false, skipped: expect.any(String) });
  });

  it('scores each distinct text once, in batches, and stops when cancelled', async () => {
    const seen: string[][] = [];
    const counting: ScoreFn = (texts) => {
      seen.push(texts);
      return Float64Array.from(texts, () => 0.2);
    };
    const suite = shippedSuite();
    const report = await runCheckSuite(suite, counting, { threshold: 0.5, batchSize: 50 });
    const all = seen.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(Math.max(...seen.map((b) => b.length))).toBeLessThanOrEqual(50);
    expect(report.checks).toHaveLength(suite.cases.length);
    const controller = new AbortController();
    controller.abort();
    await expect(runCheckSuite(suite, counting, { threshold: 0.5, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('the shipped suite fails a constant model on every kind that expects dissident verdicts or moves', async () => {
    const report = await runCheckSuite(shippedSuite(), model(() => 0.2), { threshold: 0.5 });
    const failedKinds = new Set(report.checks.filter((c) => !c.passed && !c.skipped).map((c) => c.kind));
    expect([...failedKinds].sort()).toEqual(['dir', 'mft', 'target']);
    expect(report.skipped).toBe(0);
  });
});
