// Import stages 2 and 3: the header row picks the columns; each data record is checked (shape, field size, duplicate
// id), its answer split into sentences with hashes and quality flags, and counted into the overview.
import { hashString, textHash } from '../text/hash';
import { textQuality } from '../text/quality';
import { splitSentences } from '../text/sentences';
import { checkHeader, resolveColumn, suggestIdColumn } from './columns';
import { addAnswer, emptyOverview, FLAG, LONG_ANSWER_CHARS } from './overview';
import type { CsvRecord } from './records';
import { checkRecord, excerptOf, type MalformedRecord } from './validate';

export interface ColumnRequest {
  /** Index, header, question text, question id ("Q169"), or 'auto' (Grand Débat question, else longest texts). */
  text: number | string;
  /** Index or header of the external id; 'auto' guesses ("id", "reference"…); null numbers answers by line. */
  id?: number | string | null;
  /** Columns stored with each answer as metadata. */
  keep?: readonly (number | string)[];
}

export interface PreparedSentence {
  index: number;
  text: string;
  start: number;
  end: number;
  hash: string;
}

export interface PreparedAnswer {
  externalId: string;
  text: string;
  meta?: Record<string, string>;
  flags: number;
  line: number;
  sentences: PreparedSentence[];
}

/** What the header row resolved: the text, id and kept columns by index. */
export interface ResolvedColumns {
  header: string[];
  text: number;
  id: number | null;
  keep: number[];
}

const MALFORMED_KEPT = 1_000;

/** Stage 2: the columns a request names, found in the header row (French errors when one is missing). */
export function resolveColumns(headerFields: readonly string[], request: ColumnRequest): ResolvedColumns {
  const header = headerFields.map((h) => h.trim());
  checkHeader(header);
  const text = resolveColumn(header, request.text);
  const idSpec = request.id === undefined ? 'auto' : request.id;
  const id = idSpec === null ? null : idSpec === 'auto' ? suggestIdColumn(header) : resolveColumn(header, idSpec);
  const keep = (request.keep ?? []).map((k) => resolveColumn(header, k)).filter((i) => i !== text);
  return { header, text, id, keep };
}

/** Stage 3: records in, answers out; keeps the counts, the overview and the first malformed records. */
export class AnswerBuilder {
  readonly counts = { records: 0, answers: 0, emptyAnswers: 0, sentences: 0, malformed: 0 };
  readonly overview = emptyOverview();
  readonly malformed: MalformedRecord[] = [];
  // Hashes, not the ids or texts: a substring would keep the whole chunk it was cut from alive.
  #seenIds = new Set<string>();
  #seenTexts = new Set<string>();

  constructor(
    readonly columns: ResolvedColumns,
    private readonly delimiter: string,
    /** Records already stored by an interrupted import: counted again, not handed out again. */
    private readonly skipRecords: number,
  ) {}

  /** The record's answer to store, or undefined when it is malformed, a duplicate id, empty, or already stored. */
  accept(record: CsvRecord): PreparedAnswer | undefined {
    const { fields } = record;
    const { header, text: textCol, id: idCol, keep } = this.columns;
    this.counts.records++;
    const problem = checkRecord(record, header.length);
    if (problem) return this.#reject(record, problem);
    let externalId = idCol === null ? '' : fields[idCol]!.trim();
    if (!externalId) externalId = `ligne-${record.line}`;
    const idKey = hashString(externalId);
    if (this.#seenIds.has(idKey)) return this.#reject(record, 'duplicateId');
    this.#seenIds.add(idKey);
    this.counts.answers++;
    const text = fields[textCol]!;
    if (text.trim() === '') {
      this.counts.emptyAnswers++;
      this.overview.emptyAnswers++;
      return undefined;
    }
    const spans = splitSentences(text);
    const flags = this.#flagsOf(text);
    addAnswer(this.overview, text.length, flags, spans.map((s) => s.text.length));
    this.counts.sentences += spans.length;
    if (this.counts.records <= this.skipRecords) return undefined;
    let meta: Record<string, string> | undefined;
    if (keep.length) {
      meta = {};
      for (const k of keep) meta[header[k]!] = fields[k]!;
    }
    const sentences = spans.map((s, index) => ({ index, text: s.text, start: s.start, end: s.end, hash: textHash(s.text) }));
    return { externalId, text, meta, flags, line: record.line, sentences };
  }

  #flagsOf(text: string): number {
    let flags = 0;
    const exact = hashString(text.trim());
    if (this.#seenTexts.has(exact)) flags |= FLAG.duplicate;
    else this.#seenTexts.add(exact);
    if (text.length > LONG_ANSWER_CHARS) flags |= FLAG.long;
    const quality = textQuality(text);
    if (quality.nonFrench) flags |= FLAG.nonFrench;
    if (quality.garbage) flags |= FLAG.garbage;
    return flags;
  }

  #reject(record: CsvRecord, reason: MalformedRecord['reason']): undefined {
    this.counts.malformed++;
    if (this.malformed.length < MALFORMED_KEPT) {
      this.malformed.push({ line: record.line, reason, fields: record.fields.length, excerpt: excerptOf(record.fields, this.delimiter) });
    }
    return undefined;
  }
}
