// Record validation: a record with the wrong number of fields or an unclosed quote is kept aside, with its
// line and reason, for the import report; it is never silently dropped nor half imported.
import { MAX_FIELD_LENGTH, type CsvRecord } from './records';

export type MalformedReason = 'tooManyFields' | 'tooFewFields' | 'unclosedQuote' | 'duplicateId' | 'tooLong';

export interface MalformedRecord {
  line: number;
  reason: MalformedReason;
  fields: number;
  excerpt: string;
}

export function checkRecord(record: CsvRecord, expectedFields: number): MalformedReason | null {
  if (record.quoteError === 'MissingQuotes') return 'unclosedQuote';
  if (record.fields.length > expectedFields) return 'tooManyFields';
  if (record.fields.length < expectedFields) return 'tooFewFields';
  // One answer over 1 MB is skipped with its line rather than refusing the whole file.
  for (const f of record.fields) if (f.length > MAX_FIELD_LENGTH) return 'tooLong';
  return null;
}

/** The start of the raw record, on one line, for the report. */
export function excerptOf(fields: readonly string[], delimiter: string, max = 160): string {
  let out = '';
  for (const f of fields) {
    out += (out ? delimiter : '') + f.replace(/\s+/g, ' ');
    if (out.length > max) break;
  }
  return out.length > max ? `${out.slice(0, max)}…` : out;
}
