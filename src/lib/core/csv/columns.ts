// Header analysis: question columns found by their text (whatever id prefix a published version uses),
// the Grand Débat preset, identifying columns (kept only when the user asks), and header sanity checks.
import { foldForSearch } from '../text/normalise';
import { ImportError } from './errors';

/** The question of the theme "Organisation de l'État et des services publics" this project labels. */
export const GRAND_DEBAT_ORGANISATION_QUESTION =
  "Que pensez-vous de l'organisation de l'Etat et des administrations en France ? De quelle manière cette organisation devrait-elle évoluer ?";

/** The first columns of every Grand Débat open-data file, before the question columns. */
const GRAND_DEBAT_FIXED = ['id', 'reference', 'title', 'createdAt', 'publishedAt', 'updatedAt', 'trashed', 'trashedStatus', 'authorId', 'authorType', 'authorZipCode'];

/** "QUXVlc3Rpb246MTY5 - …", "Q169 - …" or "169 - …": an id, a spaced dash, then the question. */
const QUESTION_PREFIX = /^\s*(?:[A-Za-z0-9+/=]{2,40}|Q\d+|\d+)\s+-\s+(?=\S)/;

/** Headers that name or locate a person: not stored unless ticked. */
const IDENTIFYING =
  /author.?id|user.?id|zip|postal|code.?post|\bcp\b|(?:^|[^a-z])(?:nom|name|prenom|first.?name|last.?name|surname|e-?mail|courriel|mail|phone|telephone|tel|adresse|address|ip|auteur|author|pseudo|login|birth|naissance)(?:$|[^a-z])/;

/** The question text of a header, without the id some versions put before it. */
export function questionText(header: string): string {
  return header.replace(QUESTION_PREFIX, '').trim();
}

/** Accent-, case-, quote- and space-insensitive key of a question. */
export function questionKey(text: string): string {
  return foldForSearch(questionText(text)).replace(/[^a-z0-9]+/g, ' ').trim();
}

export function isIdentifying(header: string): boolean {
  return IDENTIFYING.test(foldForSearch(header).replace(/_/g, ' '));
}

/** True when the headers look like a Grand Débat export (its fixed columns, in any order). */
export function isGrandDebatLayout(headers: readonly string[]): boolean {
  const set = new Set(headers.map((h) => h.trim()));
  return GRAND_DEBAT_FIXED.filter((h) => set.has(h)).length >= 8;
}

/** Index of the column asking this question, or -1. Matches the question text, not a name or a position. */
export function findQuestionColumn(headers: readonly string[], question: string): number {
  const key = questionKey(question);
  const exact = headers.findIndex((h) => questionKey(h) === key);
  if (exact >= 0) return exact;
  // Some versions shorten or reword the end of a question: a long common start is enough.
  const start = key.slice(0, 60);
  return headers.findIndex((h) => questionKey(h).startsWith(start));
}

/**
 * The column a user names: an index, an exact header, a question text, or a question id ("Q169").
 * `'auto'` means the Grand Débat question when present, else the column with the longest sample texts.
 */
export function resolveColumn(headers: readonly string[], spec: number | string, sampleRows: readonly string[][] = []): number {
  if (typeof spec === 'number') {
    if (spec >= 0 && spec < headers.length) return spec;
    throw new ImportError('noTextColumn', { column: String(spec) });
  }
  if (spec === 'auto') {
    const preset = findQuestionColumn(headers, GRAND_DEBAT_ORGANISATION_QUESTION);
    return preset >= 0 ? preset : longestTextColumn(headers, sampleRows);
  }
  const trimmed = spec.trim();
  let index = headers.findIndex((h) => h.trim() === trimmed);
  if (index < 0) index = headers.findIndex((h) => h.trim().toLowerCase() === trimmed.toLowerCase());
  if (index < 0) index = headers.findIndex((h) => new RegExp(`^\\s*${escape(trimmed)}\\s+-\\s`).test(h));
  if (index < 0 && trimmed.length >= 12) index = findQuestionColumn(headers, trimmed);
  if (index < 0) throw new ImportError('noTextColumn', { column: trimmed });
  return index;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The column whose sample values are longest on average (free text), ignoring identifying columns. */
export function longestTextColumn(headers: readonly string[], rows: readonly string[][]): number {
  let best = -1;
  let bestLength = -1;
  headers.forEach((header, i) => {
    if (isIdentifying(header)) return;
    const total = rows.reduce((sum, row) => sum + (row[i]?.length ?? 0), 0);
    if (total > bestLength) {
      best = i;
      bestLength = total;
    }
  });
  return best;
}

/** The id column: "id", "reference", "identifiant", "answer_id"…, or none. */
export function suggestIdColumn(headers: readonly string[]): number | null {
  const keys = headers.map((h) => foldForSearch(h).replace(/[^a-z]/g, ''));
  for (const wanted of ['id', 'identifiant', 'answerid', 'reponseid', 'reference', 'ref']) {
    const i = keys.indexOf(wanted);
    if (i >= 0) return i;
  }
  return null;
}

/**
 * Refuses a file whose first record cannot be a header: a single column (delimiter not found), or cells that
 * look like data (numbers, dates, long texts) or are mostly empty.
 */
export function checkHeader(headers: readonly string[]): void {
  if (headers.length < 2) throw new ImportError('oneColumn');
  const looksLikeData = (h: string) => /^\s*[-+]?[\d.,:/ -]+\s*$/.test(h) || h.length > 500;
  const empty = headers.filter((h) => h.trim() === '').length;
  const data = headers.filter(looksLikeData).length;
  if (empty > headers.length / 2 || data >= Math.max(1, headers.length / 2)) throw new ImportError('noHeader');
}
