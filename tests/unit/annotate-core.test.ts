// Pure annotation modules: undo stack, seeded queues, gold rules, label matching, export/import formats, merge plan.
import { describe, expect, it } from 'vitest';
import { toAnnotationsCsv, toAnnotationsJsonl } from '../../src/lib/core/annotation/export-formats';
import type { ExchangeSentence } from '../../src/lib/core/annotation/exchange';
import { detectCsvColumns, parseCsvText, readCsvAnnotations, readJsonlAnnotations } from '../../src/lib/core/annotation/import-parse';
import { DEFAULT_LABELS, matchLabel } from '../../src/lib/core/annotation/labels';
import { agreementOf, goldOf, majorityLabel } from '../../src/lib/core/annotation/majority';
import { parseMarkdown } from '../../src/lib/core/annotation/markdown';
import { mergeKey, planMerge, type IncomingLabel } from '../../src/lib/core/annotation/merge-plan';
import { orderQueue, seededShuffle } from '../../src/lib/core/annotation/queue';
import { UndoStack } from '../../src/lib/core/annotation/undo-stack';
import { textHash } from '../../src/lib/core/text/hash';

const labels = DEFAULT_LABELS;

describe('undo stack', () => {
  it('pops in reverse order and forgets the oldest past its limit', () => {
    const stack = new UndoStack<number>(3);
    [1, 2, 3, 4].forEach((n) => stack.push(n));
    expect(stack.size).toBe(3);
    expect([stack.pop(), stack.pop(), stack.pop(), stack.pop()]).toEqual([4, 3, 2, undefined]);
  });
});

describe('queues', () => {
  const ids = Array.from({ length: 50 }, (_, i) => i + 1);
  it('shuffles the same way for the same seed, differently for another, and keeps every id', () => {
    const a = seededShuffle(ids, 7);
    expect(seededShuffle(ids, 7)).toEqual(a);
    expect(seededShuffle(ids, 8)).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(ids);
    expect(a).not.toEqual(ids);
  });
  it('keeps the order earlier versions gave for a seed: saved positions and shared seeds still point at the same sentences', () => {
    expect(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 7)).toEqual([7, 6, 9, 2, 3, 4, 5, 8, 10, 1]);
  });
  it('keeps file order, and leaves out what I labelled in the seeded order', () => {
    expect(orderQueue({ ids, mode: 'order', seed: 1 })).toEqual(ids);
    const mine = new Set([3, 4, 5]);
    const queue = orderQueue({ ids, mode: 'unlabelled', seed: 1, labelledByMe: mine });
    expect(queue).toHaveLength(47);
    expect(queue).toEqual(seededShuffle(ids, 1).filter((id) => !mine.has(id)));
  });
});

describe('gold rules', () => {
  it('takes the strict majority, none on a tie', () => {
    expect(majorityLabel(['dissident', 'non dissident', 'dissident'])).toBe('dissident');
    expect(majorityLabel(['dissident', 'non dissident'])).toBeUndefined();
    expect(majorityLabel([])).toBeUndefined();
  });
  it('prefers the gold annotator over the majority', () => {
    expect(goldOf('inclassable', ['dissident', 'dissident'])).toEqual({ label: 'inclassable', source: 'gold' });
    expect(goldOf(undefined, ['dissident', 'dissident'])).toEqual({ label: 'dissident', source: 'majority' });
  });
  it('says whether annotators agree', () => {
    expect(agreementOf([])).toBe('none');
    expect(agreementOf(['dissident'])).toBe('single');
    expect(agreementOf(['dissident', 'dissident'])).toBe('agree');
    expect(agreementOf(['dissident', 'inclassable'])).toBe('disagree');
  });
  it('reads labels typed in other ways', () => {
    expect(matchLabel('Non-Dissident', labels)).toBe('non dissident');
    expect(matchLabel(' DISSIDENT ', labels)).toBe('dissident');
    expect(matchLabel('Inclassable', labels)).toBe('inclassable');
    expect(matchLabel('positif', labels)).toBeUndefined();
    expect(matchLabel('', labels)).toBeUndefined();
  });
});

const sample: ExchangeSentence[] = [
  {
    id: '1',
    answerId: 'A1',
    index: 0,
    text: 'Tous des pourris, « démission » !',
    hash: textHash('Tous des pourris, « démission » !'),
    labels: [
      { annotator: 'alice', label: 'dissident', createdAt: Date.UTC(2025, 0, 1), guidelineVersion: 1 },
      { annotator: 'bob', label: 'non dissident', createdAt: Date.UTC(2025, 0, 2), guidelineVersion: 2, bulk: true },
      { annotator: 'gold', label: 'dissident', createdAt: Date.UTC(2025, 0, 3) },
    ],
  },
  { id: '2', answerId: 'A1', index: 1, text: 'Merci, bonne journée', hash: textHash('Merci, bonne journée'), labels: [{ annotator: 'alice', label: 'inclassable', createdAt: 5 }] },
];

describe('export and import formats', () => {
  it('writes one CSV row per sentence with a column per annotator, gold and the reference label, and reads it back', () => {
    const csv = toAnnotationsCsv(sample, ['alice', 'bob', 'gold']);
    // A byte-order mark first, so that spreadsheet programs read the accents as UTF-8.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\n');
    expect(lines[0]).toBe('id,answer_id,sentence_index,text,annotator_alice,annotator_bob,gold,label,label_source');
    expect(lines[1]).toBe('1,A1,0,"Tous des pourris, « démission » !",dissident,non dissident,dissident,dissident,gold');
    // No gold: the label column holds the annotators' majority, as the JSONL does, and says so.
    expect(lines[2]).toBe('2,A1,1,"Merci, bonne journée",inclassable,,,inclassable,majority');
    const table = parseCsvText(csv);
    const mapping = detectCsvColumns(table, labels);
    // The derived reference is not read back as gold: a round trip never turns a majority into gold.
    expect(mapping.map((m) => m.role)).toEqual(['id', 'answerId', 'index', 'text', 'annotator', 'annotator', 'gold', 'ignore', 'ignore']);
    const parsed = readCsvAnnotations(table, mapping, labels, 1000);
    expect(parsed.annotators.sort()).toEqual(['alice', 'bob', 'gold']);
    expect(parsed.sentences[0]).toMatchObject({ answerId: 'A1', index: 0, hash: sample[0]!.hash });
    expect(parsed.sentences[0]!.labels).toContainEqual({ annotator: 'gold', label: 'dissident', createdAt: 1000 });
    expect(parsed.sentences[1]!.labels).toHaveLength(1);
  });

  it('recognises annotator columns by their values and reports unknown labels', () => {
    const table = parseCsvText('phrase,marie,notes\nBonjour à tous,dissident,ok\nÀ bas l’État,Dissident,\nEt puis,peut-être,\n');
    const mapping = detectCsvColumns(table, labels);
    expect(mapping).toEqual([
      { column: 'phrase', role: 'text' },
      { column: 'marie', role: 'ignore' },
      { column: 'notes', role: 'ignore' },
    ]);
    mapping[1] = { column: 'marie', role: 'annotator', annotator: 'Marie' };
    const parsed = readCsvAnnotations(table, mapping, labels, 0);
    expect(parsed.skipped).toEqual([{ line: 4, reason: 'étiquette inconnue « peut-être » (colonne marie)' }]);
    expect(parsed.sentences.map((s) => s.labels.length)).toEqual([1, 1, 0]);
  });

  it('writes Doccano-style JSONL (text, label list, metadata) and reads every annotator back', () => {
    const jsonl = toAnnotationsJsonl(sample);
    const [first] = jsonl.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ text: sample[0]!.text, label: ['dissident'], answer_id: 'A1', gold_source: 'gold' });
    const back = readJsonlAnnotations(jsonl, labels, 0);
    expect(back.sentences[0]!.labels).toEqual(sample[0]!.labels.map((l) => ({ ...l, guidelineVersion: l.guidelineVersion, bulk: l.bulk })));
    const plain = readJsonlAnnotations('{"id":3,"text":"Nuls !","label":["dissident"]}\nnot json\n', labels, 42, 'doccano');
    expect(plain.sentences[0]!.labels).toEqual([{ annotator: 'doccano', label: 'dissident', createdAt: 42, guidelineVersion: undefined, bulk: undefined }]);
    expect(plain.skipped).toEqual([{ line: 2, reason: 'JSON illisible' }]);
  });
});

describe('merge plan', () => {
  const incoming = (sentenceKey: string, annotator: string, label: string, createdAt: number): IncomingLabel => ({ sentenceKey, annotator, label, createdAt, text: `phrase ${sentenceKey}` });
  it('adds others’ labels, keeps the latest for the same annotator, and lists each conflict', () => {
    const existing = new Map([
      [mergeKey('1', 'alice'), { label: 'dissident', createdAt: 10 }],
      [mergeKey('2', 'alice'), { label: 'dissident', createdAt: 30 }],
      [mergeKey('3', 'alice'), { label: 'inclassable', createdAt: 10 }],
    ]);
    const plan = planMerge(
      [incoming('1', 'bob', 'non dissident', 5), incoming('1', 'alice', 'dissident', 50), incoming('2', 'alice', 'non dissident', 20), incoming('3', 'alice', 'dissident', 20)],
      existing,
    );
    expect(plan.writes.map((w) => `${w.sentenceKey}:${w.annotator}`)).toEqual(['1:bob', '3:alice']);
    expect(plan.unchanged).toBe(1);
    expect(plan.keptLocal).toBe(1);
    expect(plan.conflicts.map((c) => [c.sentenceKey, c.kept])).toEqual([
      ['2', 'local'],
      ['3', 'incoming'],
    ]);
  });
});

describe('guideline markdown', () => {
  it('reads headings, lists with continuation lines, quotes and emphasis', () => {
    const blocks = parseMarkdown('# Titre\n\nUne **phrase** et *ça*.\n\n- un\n- deux\n\n1. « A »\n   → **dissident**\n\n> citation');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Une ' }, { kind: 'strong', text: 'phrase' }, { kind: 'text', text: ' et ' }, { kind: 'em', text: 'ça' }, { kind: 'text', text: '.' }] });
    expect(blocks[3]).toMatchObject({ ordered: true, items: [[{ text: '« A » → ' }, { kind: 'strong', text: 'dissident' }]] });
  });
});
