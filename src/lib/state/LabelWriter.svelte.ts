// The app's one labelling write path: every key press becomes an ordered operation, committed within milliseconds in
// batches; undo acts on the last key pressed whatever has been stored yet; the page warns before closing with labels
// still unsaved; committed changes are told to listeners (the progress counts follow them), in this tab and the others.
import type { LabelChange } from '../core/annotation/progress';
import { UndoStack } from '../core/annotation/undo-stack';
import { WriteQueue } from '../core/annotation/write-queue';
import { getDb } from '../db/db';
import { writeLabelBatch, type LabelOp, type SetLabelsOp } from '../db/repos/label-writes';
import { storageInfo } from './StorageInfo.svelte';

/** One undoable step: a set of labels (one key press, or one bulk action) and where the labelling queue stood. */
export interface LabelStep {
  op: SetLabelsOp;
  position?: number;
}

export interface LabelRequest {
  datasetId: number;
  sentenceIds: readonly number[];
  annotatorId: number;
  label: string;
  guidelineVersion: number;
  bulk?: boolean;
  /** Where the labelling queue stood, to go back there on undo. */
  position?: number;
}

type ChangeListener = (changes: readonly LabelChange[]) => void;

export class LabelWriter {
  #pending = $state(0);
  #error = $state<string | undefined>();
  #undoSize = $state(0);
  #undo = new UndoStack<LabelStep>();
  #listeners = new Set<ChangeListener>();
  #queue: WriteQueue<LabelOp>;
  #write: (batch: readonly LabelOp[]) => Promise<LabelChange[]>;
  #channel: BroadcastChannel | undefined;

  constructor(write: (batch: readonly LabelOp[]) => Promise<LabelChange[]> = (batch) => writeLabelBatch(getDb(), batch)) {
    this.#write = write;
    this.#queue = new WriteQueue<LabelOp>({
      commit: async (batch) => {
        const changes = await this.#write(batch);
        this.#error = undefined;
        if (changes.length) this.#channel?.postMessage(changes);
        // The first label stored is the moment to ask the browser to keep the data (Réglages shows the answer).
        void storageInfo.askOnce();
        this.#notify(changes);
      },
      onError: (error) => (this.#error = error instanceof Error ? error.message : String(error)),
    });
  }

  /** Label steps and undos pressed but not yet committed (settings kept beside them do not count). */
  get pending(): number {
    return this.#pending;
  }
  /** The last commit's failure (labels stay queued and are tried again), until a commit succeeds. */
  get error(): string | undefined {
    return this.#error;
  }
  get canUndo(): boolean {
    return this.#undoSize > 0;
  }

  /** Queues a label (or a bulk label) as one undoable step; resolves once it is committed. */
  label(request: LabelRequest): Promise<void> {
    const op: SetLabelsOp = {
      kind: 'set',
      datasetId: request.datasetId,
      sentenceIds: [...request.sentenceIds],
      annotatorId: request.annotatorId,
      label: request.label,
      guidelineVersion: request.guidelineVersion,
      bulk: request.bulk ?? false,
      createdAt: Date.now(),
    };
    this.#undo.push({ op, position: request.position });
    this.#undoSize = this.#undo.size;
    return this.#track(op);
  }

  /**
   * Undoes the last step, at once: withdrawn if it is still waiting, else reverted by an operation queued after it.
   * Returns the step (undefined when there is none).
   */
  undo(): LabelStep | undefined {
    const step = this.#undo.pop();
    this.#undoSize = this.#undo.size;
    if (!step) return undefined;
    if (this.#queue.withdraw(step.op)) this.#setPending(this.#pending - 1);
    else void this.#track({ kind: 'revert', of: step.op });
    return step;
  }

  /** Queues a setting to be written with the next labels (the latest value per key wins). */
  keepSetting(key: string, value: unknown): void {
    void this.#queue.push({ kind: 'setting', key, value });
  }

  /** Forgets the undo steps (their data was replaced or deleted); queued writes still go. */
  clearUndo(): void {
    this.#undo.clear();
    this.#undoSize = 0;
  }

  /** Resolves once everything queued is committed. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  retryNow(): void {
    this.#queue.retryNow();
  }

  /**
   * Tells the other tabs of this browser every change committed here, and hands theirs to this tab's listeners: two
   * tabs labelling at once then see each other's labels live, and the progress counts (moved by each change, whose
   * before/after come from the table inside its transaction) stay right in both.
   */
  shareAcrossTabs(name = 'dissidentia-label-changes'): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (event: MessageEvent<LabelChange[]>) => this.#notify(event.data);
  }

  /** Listens to committed changes (this tab's and, once shared, the other tabs'); returns the function that stops listening. */
  onChanges(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(changes: readonly LabelChange[]): void {
    // The batch is stored: a listener's failure must not make the queue write it again.
    for (const listener of changes.length ? this.#listeners : []) {
      try {
        listener(changes);
      } catch (error) {
        console.error(error);
      }
    }
  }

  #track(op: LabelOp): Promise<void> {
    this.#setPending(this.#pending + 1);
    return this.#queue.push(op).then(() => this.#setPending(this.#pending - 1));
  }

  #setPending(n: number): void {
    // The close warning is there only while something is unsaved: a page without it stays eligible for the
    // back/forward cache and closes without a question.
    if (typeof window !== 'undefined') {
      if (n > 0 && this.#pending === 0) window.addEventListener('beforeunload', warnUnsaved);
      if (n === 0 && this.#pending > 0) window.removeEventListener('beforeunload', warnUnsaved);
    }
    this.#pending = n;
  }
}

function warnUnsaved(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium versions ask only when returnValue is set.
  event.returnValue = '';
}

let shared: LabelWriter | undefined;

/** The writer every labelling screen uses, so that the order of keys and the undo history are the app's, not a screen's. */
export function labelWriter(): LabelWriter {
  if (!shared) {
    shared = new LabelWriter();
    shared.shareAcrossTabs();
  }
  return shared;
}
