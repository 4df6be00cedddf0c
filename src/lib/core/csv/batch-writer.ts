// Import stage 4: answers gathered into large batches, handed to the sink with at most two writes in flight.
import type { PreparedAnswer } from './answer-builder';

export interface ImportBatch {
  answers: PreparedAnswer[];
  sentences: number;
  /** Data records read up to the end of this batch: where a resumed import starts handing out again. */
  records: number;
}

export interface ImportSink {
  write(batch: ImportBatch): Promise<void>;
}

export class BatchWriter {
  #batch: ImportBatch = { answers: [], sentences: 0, records: 0 };
  #full: ImportBatch[] = [];
  #writes: Promise<void>[] = [];
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: ImportSink,
    private readonly batchAnswers: number,
    private readonly batchSentences: number,
  ) {}

  /** Adds an answer; `records` is the count of data records read so far (the batch's resume point when it is cut). */
  add(answer: PreparedAnswer, records: number): void {
    this.#batch.answers.push(answer);
    this.#batch.sentences += answer.sentences.length;
    if (this.#batch.answers.length >= this.batchAnswers || this.#batch.sentences >= this.batchSentences) this.#cut(records);
  }

  /**
   * Hands the full batches to the sink. Full batches wait here; at most two writes are queued while the next chunk
   * is parsed (IndexedDB commits off the JS thread), so parsing and writing overlap without the queue growing.
   * With `all`, the partial batch goes too and every write is awaited.
   */
  async drain(all: boolean, records: number): Promise<void> {
    if (all && this.#batch.answers.length) this.#cut(records);
    for (const next of this.#full.splice(0)) {
      while (this.#writes.length >= 2) await this.#writes.shift();
      this.#chain = this.#chain.then(() => this.sink.write(next));
      this.#writes.push(this.#chain);
    }
    if (all) await Promise.all(this.#writes.splice(0));
  }

  /** Waits for the writes in flight, failed or not, so that a rollback after this sees everything written. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#writes);
  }

  #cut(records: number): void {
    this.#batch.records = records;
    this.#full.push(this.#batch);
    this.#batch = { answers: [], sentences: 0, records: 0 };
  }
}
