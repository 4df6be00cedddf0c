// Tests: the check command on a model trained from team-written sentences: contract keys, slices, suite files, --strict.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER } from '../../scripts/fixtures/tiny-models';
import shipped from '../lib/checks/suite.fr.json';
import { fixtureSet } from '../lib/core/ml/fixture-sentences';
import { captureStdout } from './capture-stdout';
import { run as check } from './commands/check';
import { run as train } from './commands/train';

const dir = mkdtempSync(join(tmpdir(), 'dissidentia-check-'));
const csv = join(dir, 'labelled.csv');
const modelPath = join(dir, 'model.json');
const LABELS = ['--text', 'phrase', '--label', 'gold', '--positive', 'dissident', '--exclude', 'inclassable'];

beforeAll(async () => {
  const { texts, labels } = fixtureSet();
  writeFileSync(csv, Papa.unparse(texts.map((phrase, i) => ({ phrase, gold: labels[i] ? 'dissident' : 'non dissident' }))));
  await captureStdout(train, [csv, ...LABELS, '--out', modelPath, '--folds', '3', '--search', 'none', '--no-learning-curve', '--json']);
  vi.restoreAllMocks();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  process.exitCode = undefined;
});

describe('check command', () => {
  it('prints {passed, failed, checks: [{kind, name, passed, failures}]} for the shipped suite', async () => {
    const out = JSON.parse(await captureStdout(check, [modelPath, '--json']));
    expect(out.checks).toHaveLength(shipped.cases.length);
    expect(out.passed + out.failed + out.skipped).toBe(out.checks.length);
    for (const c of out.checks) {
      expect(c).toEqual(expect.objectContaining({ kind: expect.any(String), name: expect.any(String), passed: expect.any(Boolean), failures: expect.any(Array) }));
    }
    expect(out.failed).toBe(out.checks.filter((c: { passed: boolean; skipped?: string }) => !c.passed && !c.skipped).length);
    expect(typeof out.targetGap).toBe('number');
  });

  it('runs on a fine-tuned classifier folder too: the suite only needs scores', async () => {
    const out = JSON.parse(await captureStdout(check, [join(FIXTURE_MODELS_DIR, TINY_CLASSIFIER), '--json']));
    expect(out.threshold).toBe(0.5);
    expect(out.checks).toHaveLength(shipped.cases.length);
    expect(out.passed + out.failed + out.skipped).toBe(shipped.cases.length);
  });

  it('adds one slice check per slice with --labelled, and names the weakest', async () => {
    const out = JSON.parse(await captureStdout(check, [modelPath, '--labelled', csv, ...LABELS, '--json']));
    const slices = out.checks.filter((c: { kind: string }) => c.kind === 'slice');
    expect(slices.length).toBe(9);
    expect(out.labelled.overall.n).toBe(50);
    expect(out.labelled.weakest.length).toBeGreaterThan(0);
  });

  it('reads a suite file and refuses a bad one in French', async () => {
    const own = join(dir, 'own.json');
    writeFileSync(own, JSON.stringify({ ...shipped, version: 7, cases: shipped.cases.slice(0, 2) }));
    const out = JSON.parse(await captureStdout(check, [modelPath, '--suite', own, '--json']));
    expect(out).toMatchObject({ suiteVersion: 7 });
    expect(out.checks).toHaveLength(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...shipped, cases: [{ id: 'x', kind: 'mft', name: 'n', expected: 'peut-être', texts: ['a'] }] }));
    await expect(check([modelPath, '--suite', bad])).rejects.toThrow(/Suite de vérifications invalide : cas « x » : verdict attendu/);
  });

  it('--strict exits 3 when a check fails; the human report marks failures', async () => {
    // The same sentence expected both ways: whatever the model says, exactly one of the two checks fails.
    const both = join(dir, 'both.json');
    const texts = ['Merci pour ce débat.'];
    const cases = [
      { id: 'a', kind: 'mft', name: 'oui', expected: 'dissident', texts },
      { id: 'b', kind: 'mft', name: 'non', expected: 'non dissident', texts },
    ];
    writeFileSync(both, JSON.stringify({ ...shipped, cases }));
    const text = await captureStdout(check, [modelPath, '--suite', both, '--strict']);
    expect(text).toMatch(/^1 vérification réussie, 1 échouée/);
    expect(text).toMatch(/✗ \[mft\]/);
    expect(process.exitCode).toBe(3);
    process.exitCode = undefined;
  });
});
