// Streams decoded text through PapaParse's parser and hands out whole records with their line numbers,
// carrying an unfinished record over to the next chunk; refuses a record over 8 MB (an unclosed quote swallowing the file).
import Papa from 'papaparse';
import { ImportError } from './errors';

/** Longest field accepted, in UTF-16 code units (about 1 MB of French text): a longer answer's row is skipped and reported. */
export const MAX_FIELD_LENGTH = 1_000_000;

/**
 * Longest unfinished record kept waiting for its end (about 8 MB). Past it the file is refused: no real answer is that
 * long, so it is an unclosed quote swallowing the rest of the file, and waiting longer would parse it again and again.
 */
export const MAX_RECORD_LENGTH = 8_000_000;

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts in the file. */
  line: number;
  /** Papa's complaint about quotes in this record, if any. */
  quoteError?: 'MissingQuotes' | 'InvalidQuotes';
}

export class CsvRecordReader {
  #pending = '';
  #line = 1;
  readonly #delimiter: string;
  readonly #newline: '\n' | '\r';
  readonly #onRecord: (record: CsvRecord) => void;

  constructor(delimiter: string, newline: '\n' | '\r', onRecord: (record: CsvRecord) => void) {
    this.#delimiter = delimiter;
    this.#newline = newline;
    this.#onRecord = onRecord;
  }

  /** Parses the complete records in the text so far; the unfinished last one waits for more text. */
  push(text: string): void {
    this.#parse(this.#pending + text, true);
    if (this.#pending.length > MAX_RECORD_LENGTH) throw new ImportError('fieldTooLong', { line: this.#line });
  }

  /** Parses what is left at the end of the file. */
  end(): void {
    if (this.#pending) this.#parse(this.#pending, false);
    this.#pending = '';
  }

  #parse(input: string, ignoreLastRow: boolean): void {
    let previous = 0;
    const newline = this.#newline;
    const parser = new Papa.Parser({
      delimiter: this.#delimiter,
      newline,
      // The raw Parser's step gets `data` as a list holding the one row.
      step: (result: Papa.ParseResult<string[]>) => {
        const cursor: number = result.meta.cursor;
        const line = this.#line;
        for (let i = input.indexOf(newline, previous); i !== -1 && i < cursor; i = input.indexOf(newline, i + 1)) this.#line++;
        previous = cursor;
        const fields = result.data[0]!;
        // CRLF files are parsed on "\n": the "\r" left at the end of the last field goes.
        const last = fields.length - 1;
        if (newline === '\n' && fields[last]!.endsWith('\r')) fields[last] = fields[last]!.slice(0, -1);
        if (fields.length === 1 && fields[0] === '') return; // a blank line
        const error = result.errors[0]?.code;
        this.#onRecord({ fields, line, quoteError: error === 'MissingQuotes' || error === 'InvalidQuotes' ? error : undefined });
      },
    });
    const result = parser.parse(input, 0, ignoreLastRow) as Papa.ParseResult<string[]>;
    const consumed: number = result.meta.cursor;
    // The unfinished record's lines are counted when it is parsed whole.
    this.#pending = ignoreLastRow ? input.slice(consumed) : '';
  }
}
