// Scoring a CSV of answers of any size in constant memory: the import's encoding, delimiter and column detection,
// its record reader and sentence splitter, then a model's probabilities batch by batch, handed to a sink in order.
import { splitSentences } from '../text/sentences';
import { checkHeader, resolveColumn } from './columns';
import { detectNewline } from './delimiter';
import { detectEncoding, StreamDecoder, type Encoding } from './encoding';
import { ImportError } from './errors';
import { PREVIEW_BYTES, previewBytes } from './preview';
import { CsvRecordReader, type CsvRecord } from './records';
import { checkRecord } from './validate';

export interface ScoredSentence {
  answerId: string;
  /** Position of the sentence in its answer (0-based) and its offsets in the answer's text. */
  index: number;
  start: number;
  end: number;
  text: string;
  probability: number;
}

export interface ScoreStreamSettings {
  /** Text column: index, header, question text or id, or 'auto' (the Grand Débat question, else the longest texts). */
  column?: number | string;
  /** Answer id column: index or header, 'auto' (a column named like an id), null (numbered by line). */
  idColumn?: number | string | null;
  /** Sentences per call of the model (default 2,048). */
  batchSentences?: number;
}

export interface ScoreStreamSummary {
  answers: number;
  emptyAnswers: number;
  malformedRows: number;
  sentences: number;
  column: string;
  idColumn: string | null;
  encoding: Encoding;
  delimiter: string;
}

export type BatchScorer = (texts: string[]) => ArrayLike<number> | Promise<ArrayLike<number>>;

export interface ScoreStreamControl {
  signal?: AbortSignal;
  onProgress?: (progress: { bytesRead: number; answers: number; sentences: number }) => void;
}

/** The first bytes, up to the preview's size, and whether they are the whole input. */
async function readStart(iterator: AsyncIterator<Uint8Array>): Promise<{ chunks: Uint8Array[]; sample: Uint8Array; whole: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let whole = false;
  while (size < PREVIEW_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      whole = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const sample = new Uint8Array(Math.min(size, PREVIEW_BYTES));
  let at = 0;
  for (const c of chunks) {
    if (at >= sample.length) break;
    const part = c.subarray(0, sample.length - at);
    sample.set(part, at);
    at += part.length;
  }
  return { chunks, sample, whole: whole && size <= PREVIEW_BYTES };
}

/**
 * Streams the answers through the splitter and the scorer. Nothing grows with the file: one chunk's records are
 * scored and written (the sink is awaited) before the next chunk is read. Unlike an import, answers are not checked
 * for duplicate ids or texts (that would need memory per answer): each row is scored as it stands.
 */
export async function scoreStream(
  source: AsyncIterable<Uint8Array>,
  settings: ScoreStreamSettings,
  score: BatchScorer,
  write: (rows: ScoredSentence[]) => void | Promise<void>,
  control: ScoreStreamControl = {},
): Promise<ScoreStreamSummary> {
  const iterator = source[Symbol.asyncIterator]();
  const start = await readStart(iterator);
  if (start.sample.length === 0) throw new ImportError('empty');
  const preview = previewBytes(start.sample, start.whole ? start.sample.length : start.sample.length + 1);
  const spec = settings.column ?? 'auto';
  const textCol = spec === 'auto' ? preview.textColumn : resolveColumn(preview.headers, spec);
  const idSpec = settings.idColumn === undefined ? 'auto' : settings.idColumn;
  const idCol = idSpec === null ? null : idSpec === 'auto' ? preview.idColumn : resolveColumn(preview.headers, idSpec);
  const batchSize = Math.max(1, settings.batchSentences ?? 2048);

  const counts = { answers: 0, emptyAnswers: 0, malformedRows: 0, sentences: 0, bytesRead: 0 };
  let header: string[] | undefined;
  let pending: Omit<ScoredSentence, 'probability'>[] = [];
  const onRecord = (record: CsvRecord) => {
    if (!header) {
      header = record.fields.map((h) => h.trim());
      checkHeader(header);
      return;
    }
    if (checkRecord(record, header.length)) {
      counts.malformedRows++;
      return;
    }
    counts.answers++;
    const text = record.fields[textCol]!;
    if (text.trim() === '') {
      counts.emptyAnswers++;
      return;
    }
    const answerId = (idCol === null ? '' : record.fields[idCol]!.trim()) || `ligne-${record.line}`;
    splitSentences(text).forEach((s, index) => pending.push({ answerId, index, start: s.start, end: s.end, text: s.text }));
  };

  const flush = async () => {
    const ready = pending;
    pending = [];
    for (let from = 0; from < ready.length; from += batchSize) {
      control.signal?.throwIfAborted();
      const batch = ready.slice(from, from + batchSize);
      const probabilities = await score(batch.map((s) => s.text));
      await write(batch.map((s, i) => ({ ...s, probability: probabilities[i] })));
      counts.sentences += batch.length;
    }
  };

  const decoder = new StreamDecoder(detectEncoding(start.sample, start.whole));
  let reader: CsvRecordReader | undefined;
  const feed = async (chunk: Uint8Array, last: boolean) => {
    counts.bytesRead += chunk.length;
    const text = decoder.decode(chunk, last);
    reader ??= new CsvRecordReader(preview.delimiter, detectNewline(text.slice(0, 200_000)), onRecord);
    reader.push(text);
    if (last) reader.end();
    await flush();
    control.onProgress?.({ bytesRead: counts.bytesRead, answers: counts.answers, sentences: counts.sentences });
  };
  for (const chunk of start.chunks) await feed(chunk, false);
  for (;;) {
    control.signal?.throwIfAborted();
    const next = await iterator.next();
    if (next.done) break;
    await feed(next.value, false);
  }
  await feed(new Uint8Array(0), true);
  if (!header) throw new ImportError('empty');
  if (counts.answers + counts.malformedRows === 0) throw new ImportError('noRecords');
  return {
    answers: counts.answers,
    emptyAnswers: counts.emptyAnswers,
    malformedRows: counts.malformedRows,
    sentences: counts.sentences,
    column: preview.headers[textCol]!,
    idColumn: idCol === null ? null : preview.headers[idCol]!,
    encoding: decoder.encoding,
    delimiter: preview.delimiter,
  };
}
