// Property-based tests (fast-check) of every reader of user files: CSV import, sentence splitter, annotation files,
// model files, backups. Random bytes, random quoting, huge fields: never an uncaught crash, never a hang (bounded
// runs, a time budget per property), always a report or a French error.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCsvColumns, parseCsvText, readCsvAnnotations, readJsonlAnnotations } from '../../src/lib/core/annotation/import-parse';
import { importErrorCode } from '../../src/lib/core/csv/errors';
import { memorySource } from '../../src/lib/core/csv/memory-source';
import { runImport, type ImportBatch } from '../../src/lib/core/csv/pipeline';
import { MAX_FIELD_LENGTH } from '../../src/lib/core/csv/records';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { predictProba, serialiseModel, trainBaseline, type BaselineModel } from '../../src/lib/core/ml/model';
import { loadSavedModel } from '../../src/lib/core/ml/model-io';
import { splitSentences } from '../../src/lib/core/text/sentences';
import { DissidentiaDb } from '../../src/lib/db/db';
import { importAnnotations } from '../../src/lib/db/repos/annotation-exchange';
import { parseBackup } from '../../src/lib/db/repos/backup';

const LABELS = ['dissident', 'non dissident', 'inclassable'];
/** Runs stop early (and pass) past this budget, far below the 60 s test timeout, so a slow machine cannot hang the suite. */
const budget = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 12_000 });
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Text made of what breaks CSV parsers: quotes, separators, line ends, accents, spaces. */
const csvish = fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\n', '\r', 'a', 'é', ' ', '.', '!', 'x', '1'), maxLength: 600 });
/** Rows of fields, each quoted or not, with doubled quotes or stray ones. */
const quotedCsv = fc
  .array(fc.array(fc.tuple(fc.constantFrom('plain', 'quoted', 'stray'), fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 })
  .map((rows) =>
    ['id,texte,ville', ...rows.map((fields) => fields.map(([kind, v]) => (kind === 'quoted' ? `"${v.replaceAll('"', '""')}"` : kind === 'stray' ? `${v}"` : v.replace(/[",\n\r]/g, ' '))).join(','))].join(
      '\n',
    ),
  );

/** The import's outcome: its summary and answers, or the code of the French error it refused the file with. */
async function importOutcome(bytes: Uint8Array, chunk: number) {
  const batches: ImportBatch[] = [];
  try {
    const summary = await runImport(memorySource(bytes, chunk), { columns: { text: 'auto' } }, { write: async (b) => void batches.push(b) });
    return { summary, answers: batches.flatMap((b) => b.answers) };
  } catch (error) {
    const code = importErrorCode(error);
    // Any other failure is a crash: it fails the property with its own stack.
    if (!code) throw error;
    expect((error as Error).message).toMatch(/[a-zàâéèêîôûç]/i);
    return { code };
  }
}

function checkSummary(outcome: Awaited<ReturnType<typeof importOutcome>>) {
  if (!('summary' in outcome) || !outcome.summary) return;
  const { summary, answers } = outcome;
  // Every data record is accounted for: an answer (maybe empty) or a malformed row with its line.
  expect(summary.answers + summary.malformedRows).toBe(summary.records);
  for (const m of summary.malformed) expect(m.line).toBeGreaterThanOrEqual(2);
  for (const a of answers) {
    for (const s of a.sentences) expect(0 <= s.start && s.start <= s.end && s.end <= a.text.length).toBe(true);
  }
}

describe('CSV import on hostile bytes', () => {
  it('random bytes: a report or a French error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 4096 }), async (bytes, chunk) => checkSummary(await importOutcome(bytes, chunk))),
      budget(300),
    );
  });

  it('random quoting and separators: a report or a French error, the same whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvish, quotedCsv), fc.integer({ min: 16, max: 512 }), async (text, chunk) => {
        const whole = await importOutcome(utf8(text), 1 << 20);
        checkSummary(whole);
        const cut = await importOutcome(utf8(text), chunk);
        expect('code' in cut ? cut.code : cut.answers.map((a) => [a.line, a.text])).toEqual('code' in whole ? whole.code : whole.answers.map((a) => [a.line, a.text]));
      }),
      budget(300),
    );
  });

  it('huge fields: each answer over 1 MB is skipped with its line, the others imported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), async (huge) => {
        const rows = huge.map((big, i) => `${i},"${big ? 'é'.repeat(MAX_FIELD_LENGTH + 1) : `Réponse ${i}.`}"`);
        const outcome = await importOutcome(utf8(['id,texte', ...rows].join('\n')), 1 << 18);
        if (!('summary' in outcome) || !outcome.summary) throw new Error(`refused: ${String(outcome.code)}`);
        expect(outcome.summary.malformed.map((m) => [m.line, m.reason])).toEqual(huge.flatMap((big, i) => (big ? [[i + 2, 'tooLong']] : [])));
        expect(outcome.answers.map((a) => a.line)).toEqual(huge.flatMap((big, i) => (big ? [] : [i + 2])));
      }),
      budget(6),
    );
  });
});

describe('sentence splitter', () => {
  it('any text: ordered spans inside the text, never a crash', () => {
    const text = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.string({ unit: fc.constantFrom('.', '!', '?', '…', ' ', '\n', '-', '•', '1', ')', 'M', 'a', '«', '»', '。'), maxLength: 800 }));
    fc.assert(
      fc.property(text, (t) => {
        const spans = splitSentences(t);
        let previous = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(previous);
          expect(s.end).toBeLessThanOrEqual(t.length);
          expect(s.text.length).toBeGreaterThan(0);
          previous = s.end;
        }
      }),
      budget(2000),
    );
  });
});

describe('annotation files', () => {
  const jsonlLine = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.json({ maxDepth: 3 }),
    fc.record({ text: fc.string({ maxLength: 60 }), label: fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 }))) }).map((o) => JSON.stringify(o)),
    fc.record({ text: fc.string({ maxLength: 60 }), annotations: fc.array(fc.record({ annotator: fc.anything(), label: fc.anything(), created_at: fc.anything() }), { maxLength: 3 }) }).map((o) => JSON.stringify(o)),
  );

  it('JSONL: every line read or skipped with a French reason; the import writes all of it or refuses and changes nothing', async () => {
    const db = new DissidentiaDb(`jsonl-${Math.random()}`);
    await fc.assert(
      fc.asyncProperty(fc.array(jsonlLine, { maxLength: 20 }), async (lines) => {
        const parsed = readJsonlAnnotations(lines.join('\n'), LABELS, 1_700_000_000_000);
        for (const s of parsed.skipped) expect(s.reason).toMatch(/JSON|texte|étiquette|objet/);
        for (const s of parsed.sentences) for (const l of s.labels) expect(LABELS).toContain(l.label);
        const before = await db.annotations.count();
        try {
          const report = await importAnnotations(db, parsed, 'fichier');
          expect(report.sentences).toBe(parsed.sentences.length);
        } catch (error) {
          expect((error as Error).message).toMatch(/Fichier d’annotations refusé/);
          expect(await db.annotations.count()).toBe(before);
        }
      }),
      budget(60),
    );
  });

  it('CSV: parsed, mapped and read, or refused with a French message', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, quotedCsv), (text) => {
        const table = parseCsvText(text);
        const mapping = detectCsvColumns(table, LABELS);
        try {
          const parsed = readCsvAnnotations(table, mapping, LABELS, 0);
          expect(parsed.sentences.length + parsed.skipped.filter((s) => s.reason === 'texte vide').length).toBeLessThanOrEqual(table.rows.length);
        } catch (error) {
          expect((error as Error).message).toMatch(/Aucune colonne de texte/);
        }
      }),
      budget(500),
    );
  });
});

describe('model files', () => {
  let valid: BaselineModel | undefined;
  const model = async () => {
    const { texts, labels } = fixtureSet();
    valid ??= await trainBaseline(texts, labels, { search: 'none', learningCurve: null });
    return valid;
  };

  /** A valid model's JSON with one value somewhere replaced by something random. */
  function mutate(value: unknown, path: number[], replacement: unknown): unknown {
    if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[path[0]! % keys.length]!;
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
    copy[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement);
    return copy;
  }

  it('random or damaged model files: loaded and usable, or refused with « Modèle invalide »', async () => {
    const json = JSON.parse(serialiseModel(await model())) as unknown;
    const damaged = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(Number.NaN))).map(([path, r]) => mutate(json, path, r));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json(), damaged), async (data) => {
        let loaded;
        try {
          loaded = loadSavedModel(typeof data === 'string' ? data : JSON.parse(JSON.stringify(data ?? null)));
        } catch (error) {
          expect((error as Error).message).toMatch(/^Modèle invalide/);
          return;
        }
        if (loaded.format === 'dissidentia-baseline') {
          // Whatever slipped through the checks still predicts without crashing.
          const p = predictProba(loaded, ['Les services publics ferment, c’est un scandale.']);
          expect(p).toHaveLength(1);
        }
      }),
      budget(300),
    );
  });
});

describe('backup files', () => {
  it('random or damaged backups: parsed, or refused with a French message', () => {
    const good = { format: 'dissidentia-backup', version: 2, exportedAt: '', schemaVersion: 6, tables: { datasets: [], answers: [], annotators: [], annotations: [], guidelines: [], models: [], settings: [] } };
    const row = fc.record({ id: fc.oneof(fc.nat(5), fc.anything()), key: fc.string({ maxLength: 3 }), name: fc.string({ maxLength: 3 }), sentenceId: fc.nat(3), annotatorId: fc.nat(3), label: fc.string(), text: fc.string(), datasetId: fc.nat(2), externalId: fc.string(), version: fc.nat(3), labels: fc.array(fc.string()), sentenceCount: fc.constant(0), flags: fc.nat(), starts: fc.constant([]), ends: fc.constant([]), hashes: fc.constant([]) }, { requiredKeys: [] });
    const someTables = fc.record(Object.fromEntries(['datasets', 'answers', 'annotators', 'annotations', 'guidelines', 'models', 'settings', 'sentences'].map((t) => [t, fc.array(row, { maxLength: 4 })])));
    const damaged = fc.record({ format: fc.oneof(fc.constant('dissidentia-backup'), fc.string()), version: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()), tables: fc.oneof(fc.constant(good.tables), someTables, fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()), fc.anything()) });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json(), damaged.map((d) => JSON.stringify(d))), (text) => {
        try {
          const backup = parseBackup(text);
          for (const name of Object.keys(good.tables)) expect(Array.isArray(backup.tables[name as keyof typeof good.tables])).toBe(true);
        } catch (error) {
          expect((error as Error).message).toMatch(/^Fichier de sauvegarde refusé/);
        }
      }),
      budget(1000),
    );
  });

  it('a version or a key that cannot be turned into text is refused, not thrown as an English error', () => {
    // Found by the property above: an object whose toString is not a function.
    const hostile = [
      '{"format":"dissidentia-backup","version":{"toString":0},"tables":0}',
      '{"format":"dissidentia-backup","version":2,"tables":{"datasets":[],"answers":[],"annotators":[{"id":1,"name":{"toString":0}},{"id":2,"name":{"toString":0}}],"annotations":[],"guidelines":[],"models":[],"settings":[]}}',
    ];
    for (const text of hostile) expect(() => parseBackup(text)).toThrow(/^Fichier de sauvegarde refusé/);
  });
});
