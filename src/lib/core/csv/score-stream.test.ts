// Tests: scoring streams gives the import's sentences with the scorer's probabilities, whatever the chunking,
// writes before the input is read to its end, and refuses bad files with the import's French errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importErrorCode } from './errors';
import { memorySource } from './memory-source';
import { runImport, type PreparedAnswer } from './pipeline';
import { scoreStream, type ScoredSentence, type ScoreStreamSettings } from './score-stream';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/import/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
/** A stand-in model: any deterministic function of the text shows that each probability lands on its own sentence. */
const byLength = (texts: string[]) => texts.map((t) => (t.length % 100) / 100);

async function score(bytes: Uint8Array, settings: ScoreStreamSettings = {}, chunk = 1 << 20) {
  const rows: ScoredSentence[] = [];
  const writes: number[] = [];
  const summary = await scoreStream(memorySource(bytes, chunk).chunks(), settings, byLength, (batch) => {
    writes.push(batch.length);
    rows.push(...batch);
  });
  return { summary, rows, writes };
}

const asRows = (answers: PreparedAnswer[]) =>
  answers.flatMap((a) => a.sentences.map((s) => ({ answerId: a.externalId, index: s.index, start: s.start, end: s.end, text: s.text, probability: byLength([s.text])[0] })));

describe('scoreStream', () => {
  it('scores the sentences the import would store, in file order (Grand Débat layout, BOM, CRLF, quoted line breaks)', async () => {
    const bytes = fixture('grand-debat-mini.csv');
    const imported: PreparedAnswer[] = [];
    const summary = await runImport(memorySource(bytes), { columns: { text: 'auto' } }, { write: async (b) => void imported.push(...b.answers) });
    const scored = await score(bytes);
    expect(scored.summary.column).toBe(summary.column);
    expect(scored.summary.idColumn).toBe('id');
    expect(scored.rows).toEqual(asRows(imported));
    expect(scored.summary.sentences).toBe(summary.sentences);
    expect(scored.summary.emptyAnswers).toBe(summary.emptyAnswers);
  });

  it('gives the same rows whatever the chunk size (edges inside characters and records)', async () => {
    const bytes = fixture('grand-debat-mini.csv');
    const whole = await score(bytes);
    const tiny = await score(bytes, {}, 7);
    expect(tiny.rows).toEqual(whole.rows);
    expect(tiny.summary).toEqual(whole.summary);
  });

  it('reads Windows-1252 with semicolons and a column named by its question id', async () => {
    const { summary, rows } = await score(fixture('q169-semicolon-cp1252.csv'), { column: 'Q169' });
    expect(summary).toMatchObject({ encoding: 'windows-1252', delimiter: ';', idColumn: 'id' });
    expect(rows[0]).toMatchObject({ answerId: 'a1', index: 0, text: 'L\'État est trop loin.' });
    expect(summary.emptyAnswers).toBe(1);
  });

  it('writes in batches while the input is still being read, so memory does not grow with the file', async () => {
    const lines = ['id,texte'];
    for (let i = 0; i < 30000; i++) lines.push(`r${i},"Première phrase de la réponse ${i}. Deuxième phrase, plus longue, de la réponse ${i} !"`);
    const bytes = utf8(lines.join('\n'));
    let pulled = 0;
    let pulledAtFirstWrite = -1;
    const chunks = memorySource(bytes, 16 * 1024).chunks();
    async function* counted() {
      for await (const c of chunks) {
        pulled++;
        yield c;
      }
    }
    const sizes: number[] = [];
    const summary = await scoreStream(counted(), { batchSentences: 2000 }, byLength, (rows) => {
      if (pulledAtFirstWrite < 0) pulledAtFirstWrite = pulled;
      sizes.push(rows.length);
    });
    // About 3.5 MB: the first megabyte is held for the preview (column detection), then chunks flow through.
    const total = Math.ceil(bytes.length / (16 * 1024));
    expect(summary).toMatchObject({ answers: 30000, sentences: 60000, column: 'texte' });
    expect(pulledAtFirstWrite).toBeGreaterThan(0);
    expect(pulledAtFirstWrite).toBeLessThan(total / 2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(60000);
  });

  it('numbers answers by line when asked to use no id column', async () => {
    const { rows } = await score(utf8('id,texte\nx,Une phrase.\ny,Une autre.\n'), { idColumn: null });
    expect(rows.map((r) => r.answerId)).toEqual(['ligne-2', 'ligne-3']);
  });

  it('refuses an empty file and a missing column with the import’s errors', async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => undefined, (e: Error) => importErrorCode(e));
    expect(await codeOf(score(new Uint8Array(0)))).toBe('empty');
    expect(await codeOf(score(utf8('id,texte\nx,Bonjour.\n'), { column: 'absente' }))).toBe('noTextColumn');
    expect(await codeOf(score(utf8('id,texte\n')))).toBe('noRecords');
  });
});
