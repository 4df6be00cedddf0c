// The import pipeline, the same in the worker and the CLI: bytes → decoded text → CSV records → validated
// answers → French sentences with hashes and quality flags, handed to a sink in large batches.
import { hashString, textHash } from '../text/hash';
import { textQuality } from '../text/quality';
import { splitSentences } from '../text/sentences';
import { checkHeader, resolveColumn, suggestIdColumn } from './columns';
import { detectDelimiter, detectNewline } from './delimiter';
import { checkNotBinary, detectEncoding, StreamDecoder, type Encoding } from './encoding';
import { ImportError } from './errors';
import { addAnswer, emptyOverview, FLAG, LONG_ANSWER_CHARS, type DatasetOverview } from './overview';
import { CsvRecordReader, MAX_FIELD_LENGTH, type CsvRecord } from './records';
import { checkRecord, excerptOf, type MalformedRecord } from './validate';

/** A file read in chunks from its start (a browser File, a Node stream). */
export interface ByteSource {
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export interface ColumnRequest {
  /** Index, header, question text, question id ("Q169"), or 'auto' (Grand Débat question, else longest texts). */
  text: number | string;
  /** Index or header of the external id; 'auto' guesses ("id", "reference"…); null numbers answers by line. */
  id?: number | string | null;
  /** Columns stored with each answer as metadata. */
  keep?: readonly (number | string)[];
}

export interface ImportSettings {
  columns: ColumnRequest;
  /** Data records already stored by an interrupted import: counted again, not handed out again. */
  skipRecords?: number;
  batchAnswers?: number;
  batchSentences?: number;
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

export interface ImportBatch {
  answers: PreparedAnswer[];
  sentences: number;
  /** Data records read up to the end of this batch: where a resumed import starts handing out again. */
  records: number;
}

export interface ImportSink {
  write(batch: ImportBatch): Promise<void>;
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

const MALFORMED_KEPT = 1_000;

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Milliseconds between progress reports. */
  progressEveryMs?: number;
}

/** Streams the source through the pipeline; resolves once the sink has written the last batch. */
export async function runImport(source: ByteSource, settings: ImportSettings, sink: ImportSink, control: RunControl = {}): Promise<ImportSummary> {
  const started = performance.now();
  const { signal, onProgress } = control;
  if (source.size === 0) throw new ImportError('empty');
  // About a second of IndexedDB work per batch: short enough for a quick cancel, long enough to amortise a transaction.
  const batchAnswers = settings.batchAnswers ?? 1_000;
  const batchSentences = settings.batchSentences ?? 10_000;
  const skip = settings.skipRecords ?? 0;

  const overview = emptyOverview();
  const malformed: MalformedRecord[] = [];
  const seenIds = new Set<string>();
  const seenTexts = new Set<string>();
  const counts = { records: 0, answers: 0, emptyAnswers: 0, sentences: 0, malformed: 0, bytesRead: 0 };
  let header: string[] | undefined;
  let textCol = -1;
  let idCol: number | null = null;
  let keepCols: number[] = [];
  let batch: ImportBatch = { answers: [], sentences: 0, records: 0 };
  let delimiter = ',';
  let decoder: StreamDecoder | undefined;
  let bom = false;

  const reject = (record: CsvRecord, reason: MalformedRecord['reason']) => {
    counts.malformed++;
    if (malformed.length < MALFORMED_KEPT) malformed.push({ line: record.line, reason, fields: record.fields.length, excerpt: excerptOf(record.fields, delimiter) });
  };

  const onRecord = (record: CsvRecord) => {
    if (!header) {
      header = record.fields.map((h) => h.trim());
      checkHeader(header);
      textCol = resolveColumn(header, settings.columns.text);
      const idSpec = settings.columns.id === undefined ? 'auto' : settings.columns.id;
      idCol = idSpec === null ? null : idSpec === 'auto' ? suggestIdColumn(header) : resolveColumn(header, idSpec);
      keepCols = (settings.columns.keep ?? []).map((k) => resolveColumn(header!, k)).filter((i) => i !== textCol);
      return;
    }
    const fields = record.fields;
    counts.records++;
    for (const f of fields) if (f.length > MAX_FIELD_LENGTH) throw new ImportError('fieldTooLong', { line: record.line });
    const problem = checkRecord(record, header.length);
    if (problem) return reject(record, problem);
    let externalId = idCol === null ? '' : fields[idCol]!.trim();
    if (!externalId) externalId = `ligne-${record.line}`;
    // Hashes, not the ids: a substring would keep the whole chunk it was cut from alive.
    const idKey = hashString(externalId);
    if (seenIds.has(idKey)) return reject(record, 'duplicateId');
    seenIds.add(idKey);
    counts.answers++;
    const text = fields[textCol]!;
    if (text.trim() === '') {
      counts.emptyAnswers++;
      overview.emptyAnswers++;
      return;
    }
    const spans = splitSentences(text);
    let flags = 0;
    const exact = hashString(text.trim());
    if (seenTexts.has(exact)) flags |= FLAG.duplicate;
    else seenTexts.add(exact);
    if (text.length > LONG_ANSWER_CHARS) flags |= FLAG.long;
    const quality = textQuality(text);
    if (quality.nonFrench) flags |= FLAG.nonFrench;
    if (quality.garbage) flags |= FLAG.garbage;
    addAnswer(overview, text.length, flags, spans.map((s) => s.text.length));
    counts.sentences += spans.length;
    if (counts.records <= skip) return;
    let meta: Record<string, string> | undefined;
    if (keepCols.length) {
      meta = {};
      for (const k of keepCols) meta[header[k]!] = fields[k]!;
    }
    const sentences = spans.map((s, index) => ({ index, text: s.text, start: s.start, end: s.end, hash: textHash(s.text) }));
    batch.answers.push({ externalId, text, meta, flags, line: record.line, sentences });
    batch.sentences += sentences.length;
    if (batch.answers.length >= batchAnswers || batch.sentences >= batchSentences) cut();
  };

  let lastReport = 0;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!onProgress || (!force && now - lastReport < (control.progressEveryMs ?? 150))) return;
    lastReport = now;
    onProgress({ ...counts, totalBytes: source.size, elapsedMs: now - started });
  };

  // Full batches wait here; at most two writes are queued while the next chunk is parsed (IndexedDB
  // commits off the JS thread), so parsing and writing overlap without the queue growing.
  const full: ImportBatch[] = [];
  const writes: Promise<void>[] = [];
  let chain: Promise<void> = Promise.resolve();
  const cut = () => {
    batch.records = counts.records;
    full.push(batch);
    batch = { answers: [], sentences: 0, records: 0 };
  };
  const drain = async (all: boolean) => {
    if (all && batch.answers.length) cut();
    for (const next of full.splice(0)) {
      while (writes.length >= 2) await writes.shift();
      chain = chain.then(() => sink.write(next));
      writes.push(chain);
    }
    if (all) await Promise.all(writes.splice(0));
  };

  let reader: CsvRecordReader | undefined;
  try {
    for await (const chunk of source.chunks()) {
      signal?.throwIfAborted();
      counts.bytesRead += chunk.length;
      if (!decoder) {
        const guess = detectEncoding(chunk, chunk.length >= source.size);
        checkNotBinary(chunk.subarray(0, 65_536), guess.encoding);
        decoder = new StreamDecoder(guess);
        bom = guess.bom;
      }
      const text = decoder.decode(chunk, counts.bytesRead >= source.size);
      if (!reader) {
        if (text.trim() === '') throw new ImportError('empty');
        delimiter = detectDelimiter(text.slice(0, 200_000));
        reader = new CsvRecordReader(delimiter, detectNewline(text.slice(0, 200_000)), onRecord);
      }
      reader.push(text);
      await drain(false);
      report(false);
    }
    if (!reader) throw new ImportError('empty');
    reader.end();
    if (!header) throw new ImportError('empty');
    if (counts.records === 0) throw new ImportError('noRecords');
    await drain(true);
  } catch (error) {
    // Let the writes in flight settle so that a rollback after this sees everything that was written.
    await Promise.allSettled(writes);
    throw error;
  }
  report(true);
  const h = header;
  return {
    records: counts.records,
    answers: counts.answers,
    emptyAnswers: counts.emptyAnswers,
    sentences: counts.sentences,
    malformedRows: counts.malformed,
    malformed,
    encoding: decoder!.encoding,
    bom,
    delimiter,
    column: h[textCol]!,
    columnIndex: textCol,
    idColumn: idCol === null ? null : h[idCol]!,
    keptColumns: keepCols.map((k) => h[k]!),
    overview,
    durationMs: performance.now() - started,
  };
}
