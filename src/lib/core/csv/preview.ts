// The preview of a CSV from its first bytes: encoding, delimiter, header, a few rows, and the suggested
// text, id and kept columns (the Grand Débat preset picks the organisation-of-the-State question).
import {
  findQuestionColumn,
  GRAND_DEBAT_ORGANISATION_QUESTION,
  isGrandDebatLayout,
  isIdentifying,
  checkHeader,
  longestTextColumn,
  questionText,
  suggestIdColumn,
} from './columns';
import { detectDelimiter, detectNewline } from './delimiter';
import { checkNotBinary, detectEncoding, type Encoding } from './encoding';
import { ImportError } from './errors';
import { CsvRecordReader, type CsvRecord } from './records';

/** Bytes read for the preview: enough for a header and a few long answers. */
export const PREVIEW_BYTES = 1_048_576;
const PREVIEW_ROWS = 5;
const CELL_CHARS = 300;

export interface CsvPreview {
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  headers: string[];
  /** Short labels for headers (question text without its id), for lists and tables. */
  labels: string[];
  rows: string[][];
  preset: 'grand-debat' | null;
  textColumn: number;
  idColumn: number | null;
  keepColumns: number[];
  identifying: number[];
  totalBytes: number;
}

/** Reads the header and first rows from the first bytes of the file (`totalBytes` is the file's size). */
export function previewBytes(sample: Uint8Array, totalBytes: number): CsvPreview {
  if (totalBytes === 0 || sample.length === 0) throw new ImportError('empty');
  const whole = sample.length >= totalBytes;
  const guess = detectEncoding(sample, whole);
  checkNotBinary(sample.subarray(0, 65_536), guess.encoding);
  const text = new TextDecoder(guess.encoding).decode(sample, { stream: !whole });
  if (text.trim() === '') throw new ImportError('empty');
  const delimiter = detectDelimiter(text.slice(0, 200_000));
  const records: CsvRecord[] = [];
  const reader = new CsvRecordReader(delimiter, detectNewline(text), (r) => {
    if (records.length <= PREVIEW_ROWS) records.push(r);
  });
  reader.push(text);
  if (whole) reader.end();
  const headerRecord = records[0];
  if (!headerRecord) throw new ImportError(whole ? 'empty' : 'fieldTooLong', { line: 1 });
  const headers = headerRecord.fields.map((h) => h.trim());
  checkHeader(headers);
  if (whole && records.length === 1) throw new ImportError('noRecords');
  const rows = records.slice(1).map((r) => r.fields.map((f) => (f.length > CELL_CHARS ? `${f.slice(0, CELL_CHARS)}…` : f)));
  const fullRows = records.slice(1).map((r) => r.fields);
  const preset = isGrandDebatLayout(headers) ? 'grand-debat' : null;
  const identifying = headers.map((h, i) => (isIdentifying(h) ? i : -1)).filter((i) => i >= 0);
  const question = findQuestionColumn(headers, GRAND_DEBAT_ORGANISATION_QUESTION);
  const textColumn = question >= 0 ? question : longestTextColumn(headers, fullRows);
  const idColumn = suggestIdColumn(headers);
  const isQuestion = (h: string) => questionText(h) !== h || h.length > 80;
  const keepColumns = headers
    .map((h, i) => i)
    .filter((i) => i !== textColumn && i !== idColumn && !identifying.includes(i) && !isQuestion(headers[i]!))
    .filter((i) => fullRows.every((r) => (r[i]?.length ?? 0) <= 100));
  return {
    encoding: guess.encoding,
    bom: guess.bom,
    delimiter,
    headers,
    labels: headers.map(questionText),
    rows,
    preset,
    textColumn,
    idColumn,
    keepColumns,
    identifying,
    totalBytes,
  };
}
