// The import pipeline, the same in the worker and the CLI: bytes → decoded text → CSV records → validated
// answers → French sentences with hashes and quality flags, handed to a sink in large batches. runImport reads as
// its stages: decode (here), header and answers (answer-builder.ts), batches (batch-writer.ts), progress (here).
import { AnswerBuilder, resolveColumns, type ColumnRequest } from './answer-builder';
import { BatchWriter, type ImportSink } from './batch-writer';
import { detectDelimiter, detectNewline } from './delimiter';
import { checkNotBinary, detectEncoding, StreamDecoder, type Encoding } from './encoding';
import { ImportError } from './errors';
import type { DatasetOverview } from './overview';
import { CsvRecordReader, type CsvRecord } from './records';
import type { MalformedRecord } from './validate';

export type { ColumnRequest, PreparedAnswer, PreparedSentence } from './answer-builder';
export type { ImportBatch, ImportSink } from './batch-writer';

/** A file read in chunks from its start (a browser File, a Node stream). */
export interface ByteSource {
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export interface ImportSettings {
  columns: ColumnRequest;
  /** Data records already stored by an interrupted import: counted again, not handed out again. */
  skipRecords?: number;
  batchAnswers?: number;
  batchSentences?: number;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
  answers: number;
  emptyAnswers: number;
  sentences: number;
  malformed: number;
  elapsedMs: number;
}

export interface ImportSummary {
  records: number;
  answers: number;
  emptyAnswers: number;
  sentences: number;
  malformedRows: number;
  /** The first malformed records (line, reason, excerpt); `malformedRows` counts them all. */
  malformed: MalformedRecord[];
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  column: string;
  columnIndex: number;
  idColumn: string | null;
  keptColumns: string[];
  overview: DatasetOverview;
  durationMs: number;
}

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Milliseconds between progress reports. */
  progressEveryMs?: number;
}

/** Stage 1: bytes to text; the first chunk decides the encoding (BOM, UTF-8 validity) and must not be binary. */
class SourceDecoder {
  #decoder: StreamDecoder | undefined;
  bom = false;

  get encoding(): Encoding {
    return this.#decoder!.encoding;
  }

  decode(chunk: Uint8Array, bytesRead: number, size: number): string {
    if (!this.#decoder) {
      const guess = detectEncoding(chunk, chunk.length >= size);
      checkNotBinary(chunk.subarray(0, 65_536), guess.encoding);
      this.#decoder = new StreamDecoder(guess);
      this.bom = guess.bom;
    }
    return this.#decoder.decode(chunk, bytesRead >= size);
  }
}

/** Progress reports at most every `everyMs`, and always the last one. */
function progressReporter(control: RunControl, totalBytes: number, started: number) {
  let last = 0;
  return (counts: Omit<ImportProgress, 'totalBytes' | 'elapsedMs'>, force: boolean) => {
    const now = performance.now();
    if (!control.onProgress || (!force && now - last < (control.progressEveryMs ?? 150))) return;
    last = now;
    control.onProgress({ ...counts, totalBytes, elapsedMs: now - started });
  };
}

/** Streams the source through the pipeline; resolves once the sink has written the last batch. */
export async function runImport(source: ByteSource, settings: ImportSettings, sink: ImportSink, control: RunControl = {}): Promise<ImportSummary> {
  const started = performance.now();
  if (source.size === 0) throw new ImportError('empty');
  // About a second of IndexedDB work per batch: short enough for a quick cancel, long enough to amortise a transaction.
  const writer = new BatchWriter(sink, settings.batchAnswers ?? 1_000, settings.batchSentences ?? 10_000);
  const decoder = new SourceDecoder();
  const report = progressReporter(control, source.size, started);
  let bytesRead = 0;
  let delimiter = ',';
  let builder: AnswerBuilder | undefined;
  let reader: CsvRecordReader | undefined;
  const counts = () => ({ ...(builder?.counts ?? { records: 0, answers: 0, emptyAnswers: 0, sentences: 0, malformed: 0 }), bytesRead });

  const onRecord = (record: CsvRecord) => {
    if (!builder) {
      builder = new AnswerBuilder(resolveColumns(record.fields, settings.columns), delimiter, settings.skipRecords ?? 0);
      return;
    }
    const answer = builder.accept(record);
    if (answer) writer.add(answer, builder.counts.records);
  };

  try {
    for await (const chunk of source.chunks()) {
      control.signal?.throwIfAborted();
      bytesRead += chunk.length;
      const text = decoder.decode(chunk, bytesRead, source.size);
      if (!reader) {
        if (text.trim() === '') throw new ImportError('empty');
        delimiter = detectDelimiter(text.slice(0, 200_000));
        reader = new CsvRecordReader(delimiter, detectNewline(text.slice(0, 200_000)), onRecord);
      }
      reader.push(text);
      await writer.drain(false, builder?.counts.records ?? 0);
      report(counts(), false);
    }
    if (!reader) throw new ImportError('empty');
    reader.end();
    if (!builder) throw new ImportError('empty');
    if (builder.counts.records === 0) throw new ImportError('noRecords');
    await writer.drain(true, builder.counts.records);
  } catch (error) {
    // Let the writes in flight settle so that a rollback after this sees everything that was written.
    await writer.settle();
    throw error;
  }
  report(counts(), true);
  const { columns, counts: c } = builder;
  const h = columns.header;
  return {
    records: c.records,
    answers: c.answers,
    emptyAnswers: c.emptyAnswers,
    sentences: c.sentences,
    malformedRows: c.malformed,
    malformed: builder.malformed,
    encoding: decoder.encoding,
    bom: decoder.bom,
    delimiter,
    column: h[columns.text]!,
    columnIndex: columns.text,
    idColumn: columns.id === null ? null : h[columns.id]!,
    keptColumns: columns.keep.map((k) => h[k]!),
    overview: builder.overview,
    durationMs: performance.now() - started,
  };
}
