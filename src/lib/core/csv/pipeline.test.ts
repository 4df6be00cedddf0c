import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importErrorCode } from './errors';
import { memorySource } from './memory-source';
import { runImport, type ImportBatch, type ImportSettings } from './pipeline';
import { previewBytes } from './preview';
import { MAX_FIELD_LENGTH, MAX_RECORD_LENGTH } from './records';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/import/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function collect(bytes: Uint8Array, settings: ImportSettings = { columns: { text: 'auto' } }, chunk = 1 << 20) {
  const batches: ImportBatch[] = [];
  const summary = await runImport(memorySource(bytes, chunk), settings, { write: async (b) => void batches.push(b) });
  return { summary, answers: batches.flatMap((b) => b.answers), batches };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return importErrorCode(error as Error) ?? (error as Error).name;
  }
  return undefined;
}

describe('import pipeline on the Grand Débat layout', () => {
  it('imports the mini file (BOM, CRLF, quoted line breaks) and reports malformed records with their lines', async () => {
    const { summary, answers } = await collect(fixture('grand-debat-mini.csv'));
    expect(summary.column).toMatch(/Que pensez-vous de l'organisation de l'Etat/);
    expect(summary.encoding).toBe('utf-8');
    expect(summary.bom).toBe(true);
    expect(summary.delimiter).toBe(',');
    expect(summary.records).toBe(12);
    expect(summary.malformedRows).toBe(2);
    expect(summary.malformed.map((m) => m.reason)).toEqual(['tooManyFields', 'tooManyFields']);
    expect(summary.malformed.every((m) => m.line > 1)).toBe(true);
    expect(summary.answers).toBe(10);
    expect(answers.length).toBe(summary.answers - summary.emptyAnswers);
    expect(summary.sentences).toBe(answers.reduce((s, a) => s + a.sentences.length, 0));
    for (const a of answers) {
      for (const s of a.sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
      expect(a.externalId).toMatch(/^UHJvcG9zYWw6/);
    }
    // Line numbers count the quoted line breaks: each record starts on a later line than the one before.
    const lines = answers.map((a) => a.line);
    expect([...lines].sort((x, y) => x - y)).toEqual(lines);
  });

  it('gives the same answers whatever the chunk size (records and characters cut across chunks)', async () => {
    const whole = await collect(fixture('grand-debat-mini.csv'));
    for (const size of [7, 64, 1000]) {
      const cut = await collect(fixture('grand-debat-mini.csv'), undefined, size);
      expect(cut.answers).toEqual(whole.answers);
      expect(cut.summary.malformed).toEqual(whole.summary.malformed);
    }
  });

  it('keeps only the metadata columns asked for', async () => {
    const { answers } = await collect(fixture('grand-debat-mini.csv'), { columns: { text: 'auto', id: 'id', keep: ['authorType', 'createdAt'] } });
    expect(Object.keys(answers[0]!.meta!)).toEqual(['authorType', 'createdAt']);
  });

  it('hands out nothing twice on resume, but counts everything', async () => {
    const full = await collect(fixture('grand-debat-mini.csv'), { columns: { text: 'auto' }, batchAnswers: 2 }, 500);
    expect(full.batches.length).toBeGreaterThan(2);
    const records = full.batches[1]!.records;
    const resumed = await collect(fixture('grand-debat-mini.csv'), { columns: { text: 'auto' }, skipRecords: records }, 500);
    expect(resumed.summary).toMatchObject({ answers: full.summary.answers, sentences: full.summary.sentences });
    expect([...full.batches.slice(0, 2).flatMap((b) => b.answers), ...resumed.answers]).toEqual(full.answers);
  });
});

describe('import pipeline on other CSVs', () => {
  it('reads semicolons in Windows-1252 with a "Q169 - …" header and keeps leading zeros', async () => {
    const bytes = fixture('q169-semicolon-cp1252.csv');
    const preview = previewBytes(bytes, bytes.length);
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';', textColumn: 1, idColumn: 0, preset: null, identifying: [2, 3] });
    const { summary, answers } = await collect(bytes, { columns: { text: preview.textColumn, id: 0, keep: ['authorZipCode'] } });
    expect(summary).toMatchObject({ answers: 3, emptyAnswers: 1, malformedRows: 0, encoding: 'windows-1252' });
    expect(answers[0]!.sentences.map((s) => s.text)).toEqual(['L\'État est trop loin.', 'Les préfectures ferment !']);
    expect(answers[0]!.meta).toEqual({ authorZipCode: '01000' });
  });

  it('reads tabs with quoted tabs and line breaks', async () => {
    const bytes = fixture('generic.tsv');
    const preview = previewBytes(bytes, bytes.length);
    expect(preview).toMatchObject({ delimiter: '\t', textColumn: 1, idColumn: 0 });
    const { answers } = await collect(bytes, { columns: { text: 'texte', id: 'identifiant' } });
    expect(answers.map((a) => a.externalId)).toEqual(['x1', 'x2']);
    expect(answers[1]!.text).toBe('Avec une tabulation\tdedans et un saut\nde ligne.');
    expect(answers[1]!.line).toBe(3);
  });

  it('flags exact duplicates, non-French and garbage, and reports repeated ids', async () => {
    const csv = 'id,texte\n1,Le Sénat coûte cher.\n2,Le Sénat coûte cher.\n3,The state is not working for us and it is too far away from the people.\n4,qsdfghjklmqsdfghjklmqsdfghjk\n1,Encore moi.\n';
    const { summary, answers } = await collect(utf8(csv), { columns: { text: 'texte' } });
    expect(answers.map((a) => a.flags)).toEqual([0, 1, 4, 8]);
    expect(summary.malformed).toEqual([{ line: 6, reason: 'duplicateId', fields: 2, excerpt: '1,Encore moi.' }]);
    expect(summary.overview.flagged).toEqual({ duplicate: 1, long: 0, nonFrench: 1, garbage: 1 });
  });

  it('counts fields per record: too few, too many, unclosed quote at the end', async () => {
    const csv = 'id,texte,ville\n1,Bonjour.,Lyon\n2,Trop court\n3,Un,deux,trois\n4,"Jamais fermé,Paris\n';
    const { summary } = await collect(utf8(csv), { columns: { text: 'texte' } });
    expect(summary.malformed.map((m) => [m.line, m.reason])).toEqual([[3, 'tooFewFields'], [4, 'tooManyFields'], [5, 'unclosedQuote']]);
    expect(summary.answers).toBe(1);
  });
});

describe('bad input gets a clear French message', () => {
  const run = (text: string | Uint8Array) => runImport(memorySource(typeof text === 'string' ? utf8(text) : text), { columns: { text: 1 } }, { write: async () => {} });
  it.each([
    ['empty file', '', 'empty'],
    ['blank file', '  \n\n', 'empty'],
    ['binary file', Uint8Array.from([1, 2, 0, 3, 4, 5]), 'binary'],
    ['one column', 'texte\nbonjour\n', 'oneColumn'],
    ['no header', '1,2019-01-22\n2,2019-01-23\n', 'noHeader'],
    ['header only', 'id,texte\n', 'noRecords'],
    ['invalid UTF-8 after valid UTF-8', Uint8Array.from([...utf8('id,texte\n1,été\n2,'), 0xe9, 0x74, 0xe9, 0x0a]), 'invalidEncoding'],
  ])('%s', async (_name, input, code) => {
    expect(await codeOf(run(input))).toBe(code);
  });
  it('a record over 8 MB (an unclosed quote swallowing the file) stops the import early', async () => {
    const big = `id,texte\n1,"${'a'.repeat(MAX_RECORD_LENGTH + 10)}\n2,ok\n`;
    expect(await codeOf(run(big))).toBe('fieldTooLong');
  });
  it('one answer over 1 MB is skipped with its line; the other rows are imported', async () => {
    const closed = `id,texte\n1,Avant.\n2,"${'a'.repeat(MAX_FIELD_LENGTH + 10)}"\n3,Après.\n`;
    for (const chunk of [1 << 16, 1 << 22]) {
      const { summary, answers } = await collect(utf8(closed), { columns: { text: 1 } }, chunk);
      expect(answers.map((a) => a.text)).toEqual(['Avant.', 'Après.']);
      expect(summary.malformed.map((m) => [m.line, m.reason])).toEqual([[3, 'tooLong']]);
      expect(summary.malformed[0]!.excerpt.length).toBeLessThan(200);
    }
  });
  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = fixture('grand-debat-mini.csv');
    expect(await codeOf(runImport(memorySource(bytes, 100), { columns: { text: 'auto' } }, { write: async () => {} }, { signal: controller.signal }))).toBe('AbortError');
  });
});
