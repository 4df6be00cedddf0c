/// <reference types="node" />
// Validation of the embedded demo corpus: shape, counts, label balance, and that no sentence comes from the dev data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import corpus from './corpus.json';

type Label = 'dissident' | 'non dissident' | 'inclassable';
const LABELS: readonly string[] = ['dissident', 'non dissident', 'inclassable'];

interface Answer {
  id: string;
  text: string;
  featured?: boolean;
  sentences: { text: string; label: string }[];
}

const answers = corpus.answers as Answer[];
const sentences = answers.flatMap((a) => a.sentences);

function count(label: Label): number {
  return sentences.filter((s) => s.label === label).length;
}

/** Lower-cases and collapses whitespace, as the "no copy" rule says. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const DEV_CSV = path.resolve(__dirname, '../../../../shared/data/dissidentia-dev.csv');
const hasDev = existsSync(DEV_CSV);

describe('demo corpus', () => {
  it('has the header fields', () => {
    expect(corpus.version).toBe(1);
    expect(corpus.description.length).toBeGreaterThan(10);
    expect(corpus.description).not.toContain('\n');
    expect(corpus.licence).toMatch(/^CC0-1\.0/);
  });

  it('holds at least 110 answers and 330 sentences, 1 to 8 sentences each', () => {
    expect(answers.length).toBeGreaterThanOrEqual(110);
    expect(sentences.length).toBeGreaterThanOrEqual(330);
    for (const a of answers) {
      expect(a.sentences.length, a.id).toBeGreaterThanOrEqual(1);
      expect(a.sentences.length, a.id).toBeLessThanOrEqual(8);
    }
  });

  it('has unique, well-formed ids', () => {
    const ids = answers.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^demo-\d{3}$/);
  });

  it('uses only the three labels', () => {
    for (const s of sentences) expect(LABELS, s.text).toContain(s.label);
  });

  it('gives sentences that are substrings of their answer, in order, covering it', () => {
    for (const a of answers) {
      let from = 0;
      for (const s of a.sentences) {
        expect(s.text.trim().length, a.id).toBeGreaterThan(0);
        const at = a.text.indexOf(s.text, from);
        expect(at, `${a.id}: « ${s.text} »`).toBeGreaterThanOrEqual(0);
        // Only whitespace may lie between two sentences.
        expect(a.text.slice(from, at).trim(), a.id).toBe('');
        from = at + s.text.length;
      }
      expect(a.text.slice(from).trim(), a.id).toBe('');
    }
  });

  it('keeps the label proportions within the ranges', () => {
    const n = sentences.length;
    const share = (label: Label) => count(label) / n;
    expect(share('dissident')).toBeGreaterThanOrEqual(0.3);
    expect(share('dissident')).toBeLessThanOrEqual(0.35);
    expect(share('non dissident')).toBeGreaterThanOrEqual(0.55);
    expect(share('non dissident')).toBeLessThanOrEqual(0.62);
    expect(share('inclassable')).toBeGreaterThanOrEqual(0.06);
    expect(share('inclassable')).toBeLessThanOrEqual(0.1);
  });

  it('features exactly 6 answers, showing both labels', () => {
    const featured = answers.filter((a) => a.featured === true);
    expect(featured).toHaveLength(6);
    const labels = new Set(featured.flatMap((a) => a.sentences.map((s) => s.label)));
    expect(labels).toContain('dissident');
    expect(labels).toContain('non dissident');
    expect(featured.some((a) => a.sentences.length === 1)).toBe(true);
    // No other value than true is used for the flag.
    for (const a of answers) expect(a.featured === undefined || a.featured === true, a.id).toBe(true);
  });

  it.skipIf(!hasDev)(
    hasDev
      ? `copies no sentence from ${DEV_CSV}`
      : `copies no sentence from the dev data (skipped: ${DEV_CSV} is missing)`,
    () => {
      const parsed = Papa.parse<{ text: string }>(readFileSync(DEV_CSV, 'utf8'), {
        header: true,
        skipEmptyLines: true,
      });
      const dev = new Set(parsed.data.map((row) => normalise(row.text ?? '')));
      expect(dev.size).toBeGreaterThan(0);
      const copied = sentences.map((s) => s.text).filter((t) => dev.has(normalise(t)));
      expect(copied).toEqual([]);
    },
  );
});
