// The agreement command on a small CSV written here: contract keys, empty cells as missing labels, a clear refusal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureStdout } from './capture-stdout';
import { run as agreement } from './commands/agreement';

const dir = mkdtempSync(join(tmpdir(), 'dissidentia-agreement-'));
const csv = join(dir, 'three.csv');
// Krippendorff's (2011) 4-observer example laid out as a CSV, observers as columns, empty cells missing (α = 0.743).
const observers = [
  ['1', '2', '3', '3', '2', '1', '4', '1', '2', '', '', ''],
  ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', '', '3'],
  ['', '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', ''],
  ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', ''],
];
writeFileSync(csv, ['text,A,B,C,D', ...observers[0]!.map((_, u) => [`unité ${u + 1}`, ...observers.map((o) => o[u])].join(','))].join('\n'));

const capture = (argv: string[]) => captureStdout(agreement, argv);

afterEach(() => vi.restoreAllMocks());

describe('agreement command', () => {
  it('prints {items, percentAgreement, cohen, fleiss, krippendorffAlpha} with any number of annotator columns', async () => {
    const out = JSON.parse(await capture([csv, '--annotators', 'A,B,C,D', '--samples', '100', '--json']));
    expect(out.items).toBe(12);
    expect(out.krippendorffAlpha).toBeCloseTo(0.743, 3);
    expect(Object.keys(out.cohen)).toEqual(['A|B', 'A|C', 'A|D', 'B|C', 'B|D', 'C|D']);
    // A and D both labelled units 1–9 and differ on unit 6 only: po = 8/9, pe = (3·2 + 3·3 + 2·2 + 1·2)/81 = 21/81,
    // κ = (72 − 21)/(81 − 21) = 0.85.
    expect(out.cohen['A|D']).toBeCloseTo(0.85, 10);
    expect(out.cohenUnits['A|D']).toBe(9);
    expect(typeof out.fleiss).toBe('number');
    expect(out.percentAgreement).toBeGreaterThan(0.5);
  });

  it('names the missing columns', async () => {
    await expect(agreement([csv, '--annotators', 'A,Z', '--json'])).rejects.toThrow('Colonne absente du fichier : Z');
  });
});
