// Reading annotation files from another laptop: CSV column detection (confirmed by the user) and JSONL lines.
import Papa from 'papaparse';
import { textHash } from '../text/hash';
import { GOLD_COLUMN, REFERENCE_COLUMN, REFERENCE_SOURCE_COLUMN, annotatorFromColumn, type ExchangeLabel, type ExchangeSentence, type ParsedExchange } from './exchange';
import { GOLD_ANNOTATOR, labelShare, matchLabel } from './labels';

export type ColumnRole = 'id' | 'answerId' | 'index' | 'text' | 'annotator' | 'gold' | 'ignore';

export interface ColumnMapping {
  column: string;
  role: ColumnRole;
  /** Annotator name, for role 'annotator'. */
  annotator?: string;
}

export interface CsvTable {
  headers: string[];
  rows: Record<string, string>[];
}

const TEXT_NAMES = ['text', 'texte', 'sentence', 'phrase', 'data'];
const ANSWER_NAMES = ['answer_id', 'answerid', 'reponse_id', 'id_reponse', 'contribution_id'];
const INDEX_NAMES = ['sentence_index', 'index', 'position'];
const GOLD_NAMES = ['label', 'gold', 'etiquette', 'reference'];
/** Share of label values above which a column counts as an annotator's. */
const LABEL_COLUMN_SHARE = 0.8;

export function parseCsvText(text: string): CsvTable {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  return { headers: (parsed.meta.fields ?? []).filter((h) => h !== ''), rows: parsed.data };
}

/** A first guess of each column's role: by name, then by content (columns of mostly labels are annotators). */
export function detectCsvColumns(table: CsvTable, labels: readonly string[]): ColumnMapping[] {
  const lower = (h: string) => h.trim().toLowerCase();
  const sample = table.rows.slice(0, 500);
  const hasOwnGoldColumn = table.headers.some((h) => lower(h) === GOLD_COLUMN) && table.headers.some((h) => lower(h) === REFERENCE_SOURCE_COLUMN);
  const values = (h: string) => sample.map((r) => r[h] ?? '');
  const mapping = table.headers.map<ColumnMapping>((column) => {
    const name = lower(column);
    if (name === 'id') return { column, role: 'id' };
    if (ANSWER_NAMES.includes(name)) return { column, role: 'answerId' };
    if (INDEX_NAMES.includes(name)) return { column, role: 'index' };
    if (TEXT_NAMES.includes(name)) return { column, role: 'text' };
    // Our own CSV export carries gold beside a derived reference (label, label_source): only gold is a label to import.
    if (name === REFERENCE_SOURCE_COLUMN || (name === REFERENCE_COLUMN && hasOwnGoldColumn)) return { column, role: 'ignore' };
    if (GOLD_NAMES.includes(name)) return { column, role: 'gold' };
    if (name.startsWith('annotator_') || labelShare(values(column), labels) >= LABEL_COLUMN_SHARE) {
      return { column, role: 'annotator', annotator: annotatorFromColumn(column) };
    }
    return { column, role: 'ignore' };
  });
  if (!mapping.some((m) => m.role === 'text')) {
    // No column named like text: the one with the longest values.
    const average = (h: string) => values(h).reduce((sum, v) => sum + v.length, 0) / Math.max(1, sample.length);
    const best = mapping.filter((m) => m.role === 'ignore').sort((a, b) => average(b.column) - average(a.column))[0];
    if (best) best.role = 'text';
  }
  return mapping;
}

/** Rows to sentences and labels, following a confirmed mapping. Unknown label values are skipped and reported. */
export function readCsvAnnotations(table: CsvTable, mapping: readonly ColumnMapping[], labels: readonly string[], fileDate: number): ParsedExchange {
  const find = (role: ColumnRole) => mapping.find((m) => m.role === role)?.column;
  const textColumn = find('text');
  if (!textColumn) throw new Error('Aucune colonne de texte : indiquez laquelle contient les phrases.');
  const [idColumn, answerColumn, indexColumn] = [find('id'), find('answerId'), find('index')];
  const labelColumns = mapping.filter((m) => m.role === 'annotator' || m.role === 'gold');
  const sentences: ExchangeSentence[] = [];
  const skipped: ParsedExchange['skipped'] = [];
  table.rows.forEach((row, i) => {
    const line = i + 2;
    const text = (row[textColumn] ?? '').trim();
    if (!text) return skipped.push({ line, reason: 'texte vide' });
    const sentenceLabels: ExchangeLabel[] = [];
    for (const m of labelColumns) {
      const raw = (row[m.column] ?? '').trim();
      if (!raw) continue;
      const label = matchLabel(raw, labels);
      if (label === undefined) {
        skipped.push({ line, reason: `étiquette inconnue « ${raw} » (colonne ${m.column})` });
        continue;
      }
      const annotator = m.role === 'gold' ? GOLD_ANNOTATOR : (m.annotator?.trim() || annotatorFromColumn(m.column));
      sentenceLabels.push({ annotator, label, createdAt: fileDate });
    }
    const index = indexColumn ? Number.parseInt(row[indexColumn] ?? '', 10) : Number.NaN;
    sentences.push({
      id: idColumn ? row[idColumn] : undefined,
      answerId: answerColumn ? (row[answerColumn] ?? '').trim() || undefined : undefined,
      index: Number.isFinite(index) ? index : undefined,
      text,
      hash: textHash(text),
      labels: sentenceLabels,
    });
  });
  return { format: 'csv', sentences, annotators: annotatorsOf(sentences), skipped };
}

/**
 * JSONL in Doccano's text-classification shape. Lines carrying our `annotations` metadata keep every annotator;
 * plain Doccano lines give their `label` list to `defaultAnnotator`.
 */
export function readJsonlAnnotations(text: string, labels: readonly string[], fileDate: number, defaultAnnotator = 'doccano'): ParsedExchange {
  const sentences: ExchangeSentence[] = [];
  const skipped: ParsedExchange['skipped'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return skipped.push({ line, reason: 'JSON illisible' });
    }
    if (!isRecord(value)) return skipped.push({ line, reason: 'ligne qui n’est pas un objet JSON' });
    const body = typeof value.text === 'string' ? value.text : typeof value.data === 'string' ? value.data : '';
    if (!body.trim()) return skipped.push({ line, reason: 'texte vide' });
    const sentenceLabels: ExchangeLabel[] = [];
    const push = (annotator: unknown, rawLabel: unknown, created: unknown, version: unknown, bulk: unknown) => {
      const label = typeof rawLabel === 'string' ? matchLabel(rawLabel, labels) : undefined;
      if (label === undefined) return skipped.push({ line, reason: `étiquette inconnue « ${String(rawLabel)} »` });
      const createdAt = typeof created === 'string' || typeof created === 'number' ? new Date(created).getTime() : Number.NaN;
      sentenceLabels.push({
        annotator: typeof annotator === 'string' && annotator.trim() ? annotator.trim() : defaultAnnotator,
        label,
        createdAt: Number.isFinite(createdAt) ? createdAt : fileDate,
        guidelineVersion: typeof version === 'number' ? version : undefined,
        bulk: bulk === true || undefined,
      });
    };
    if (Array.isArray(value.annotations)) {
      for (const a of value.annotations) if (isRecord(a)) push(a.annotator, a.label, a.created_at, a.guideline_version, a.bulk);
    } else {
      const list = Array.isArray(value.label) ? value.label : value.label === undefined ? [] : [value.label];
      for (const l of list) push(value.user ?? defaultAnnotator, l, undefined, undefined, undefined);
    }
    sentences.push({
      id: value.id === undefined ? undefined : String(value.id),
      answerId: typeof value.answer_id === 'string' && value.answer_id ? value.answer_id : undefined,
      index: typeof value.sentence_index === 'number' ? value.sentence_index : undefined,
      text: body.trim(),
      hash: textHash(body),
      labels: sentenceLabels,
    });
  });
  return { format: 'jsonl', sentences, annotators: annotatorsOf(sentences), skipped };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function annotatorsOf(sentences: readonly ExchangeSentence[]): string[] {
  return [...new Set(sentences.flatMap((s) => s.labels.map((l) => l.annotator)))];
}
