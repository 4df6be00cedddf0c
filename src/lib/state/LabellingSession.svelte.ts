// The labelling queue: which sentences come up in which order, where the annotator stands (kept across reloads),
// the sentence under work with its context (live), and the steps label / move / skip / undo, each done at once (the
// label writer stores them in order behind the screen).
import { spliceQueue } from '../core/annotation/active-queue';
import { orderQueue, type QueueMode } from '../core/annotation/queue';
import { getDb } from '../db/db';
import { labelledSentenceIds } from '../db/repos/annotations';
import { getSetting } from '../db/repos/settings';
import { listSentenceIds } from '../db/repos/sentences';
import { sentenceView, type SentenceView } from '../db/repos/sentence-view';
import { ActiveLearning } from './ActiveLearning.svelte';
import type { AnnotationWorkspace } from './AnnotationWorkspace.svelte';
import type { LabelChange } from '../core/annotation/progress';
import type { LabelStep } from './LabelWriter.svelte';
import { LiveQuery } from './LiveQuery.svelte';

interface SavedQueue {
  mode: QueueMode;
  seed: number;
  position: number;
}

const keyOf = (datasetId: number, annotatorId: number) => `annotate.queue.${datasetId}.${annotatorId}`;

export class LabellingSession {
  #ids = $state.raw<number[]>([]);
  #position = $state(0);
  #mode = $state<QueueMode>('unlabelled');
  #seed = $state(1);
  #loading = $state(false);
  #key: { datasetId: number; annotatorId: number } | undefined;
  #live = $derived.by(() => {
    const id = this.currentId;
    return id === undefined ? undefined : new LiveQuery<SentenceView | undefined>(() => sentenceView(getDb(), id), undefined);
  });
  // Views of the sentences around the position, loaded ahead so that moving shows the next one at once.
  // Never another sentence's view: what is on screen is always what a key press labels.
  #cache = new Map<number, SentenceView>();
  #cacheVersion = $state(0);
  #starts = 0;
  /** A sentence sent from another screen (the corpus explorer), brought to the position once its queue is built. */
  #focus: { id: number; datasetId: number } | undefined;
  /** Stops following label writes; set on the first start (the workspace's writer exists by then). */
  #stopFollowing: (() => void) | undefined;

  readonly workspace: AnnotationWorkspace;
  /** The model behind the 'active' queue (« plus utiles d'abord »). */
  readonly active = new ActiveLearning();

  constructor(workspace: AnnotationWorkspace) {
    this.workspace = workspace;
  }

  get mode(): QueueMode {
    return this.#mode;
  }
  get seed(): number {
    return this.#seed;
  }
  get position(): number {
    return this.#position;
  }
  get total(): number {
    return this.#ids.length;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get finished(): boolean {
    return !this.#loading && this.#position >= this.#ids.length;
  }
  get currentId(): number | undefined {
    return this.#ids[this.#position];
  }
  get view(): SentenceView | undefined {
    const id = this.currentId;
    if (id === undefined) return undefined;
    const fresh = this.#live?.current;
    if (fresh?.sentence.id === id) return fresh;
    void this.#cacheVersion;
    return this.#cache.get(id);
  }

  /** Forgets the queue (its data was replaced, or its annotator deleted): empty until the next start builds it. */
  reset(): void {
    this.active.cancel();
    this.#key = undefined;
    this.#ids = [];
    this.#position = 0;
    this.#cache.clear();
  }

  /** Builds the queue for a dataset and annotator, resuming the saved mode, seed and position. */
  async start(datasetId: number, annotatorId: number, change?: Partial<Omit<SavedQueue, 'position'>>): Promise<void> {
    // Coming back to the tab: the queue built for this dataset and annotator is still the right one.
    if (!change && !this.#loading && this.#key?.datasetId === datasetId && this.#key.annotatorId === annotatorId) return;
    this.#loading = true;
    // Another dataset or annotator: the old queue goes at once, so that no key labels a sentence of the one just left.
    if (this.#key?.datasetId !== datasetId || this.#key.annotatorId !== annotatorId) {
      this.active.cancel();
      this.#key = undefined;
      this.#ids = [];
      this.#position = 0;
    }
    this.#stopFollowing ??= this.workspace.writer.onChanges((changes) => this.#dropLabelledAhead(changes));
    const run = ++this.#starts;
    const db = getDb();
    // Labels still being stored count as labelled when the 'unlabelled' queue leaves them out.
    await this.workspace.writer.idle();
    // Read side by side: the sentence ids of a large dataset take the longest.
    const [saved, all, labelledByMe] = await Promise.all([
      getSetting<SavedQueue>(db, keyOf(datasetId, annotatorId)),
      listSentenceIds(db, datasetId),
      labelledSentenceIds(db, annotatorId),
    ]);
    const mode = change?.mode ?? saved?.mode ?? 'unlabelled';
    const seed = change?.seed ?? saved?.seed ?? 1;
    const same = !change || (mode === saved?.mode && seed === saved?.seed);
    let ids = orderQueue({ ids: all, mode, seed, labelledByMe });
    if (mode === 'active') {
      // The mode shows at once, so the active panel says that the model is being trained, and is kept at once (its
      // queue always starts at its head): a reload during a long first ranking comes back to it.
      if (run === this.#starts) this.#mode = mode;
      if (change) this.workspace.writer.keepSetting(keyOf(datasetId, annotatorId), { mode, seed, position: 0 } satisfies SavedQueue);
      await this.active.load();
      // Ranked before the first sentence shows; with too few labels (or a failure, shown) the seeded order stays.
      if (run === this.#starts) ids = (await this.active.rank(datasetId, ids)) ?? ids;
    } else {
      this.active.cancel();
    }
    // A newer start (another dataset picked meanwhile) wins.
    if (run !== this.#starts) return;
    this.#key = { datasetId, annotatorId };
    this.#ids = ids;
    this.#mode = mode;
    this.#seed = seed;
    // The 'unlabelled' queue is rebuilt without what was labelled, so it starts again at its head.
    this.#cache.clear();
    this.#move(same && mode !== 'unlabelled' && mode !== 'active' ? Math.min(saved?.position ?? 0, ids.length) : 0);
    this.#loading = false;
    this.#applyFocus();
  }

  /** Shows this sentence next: where it stands in the queue, else inserted at the position (it may be labelled already). */
  focusOn(id: number, datasetId: number): void {
    this.#focus = { id, datasetId };
    if (!this.#loading) this.#applyFocus();
  }

  #applyFocus(): void {
    const focus = this.#focus;
    if (!focus || this.#key?.datasetId !== focus.datasetId) return;
    this.#focus = undefined;
    let at = this.#ids.indexOf(focus.id);
    if (at === -1) {
      at = this.#position;
      this.#ids = [...this.#ids.slice(0, at), focus.id, ...this.#ids.slice(at)];
    }
    this.#move(at);
  }

  /** Labels the sentence on screen and moves on, at once; false when there was nothing to label or no one to label as. */
  label(label: string): boolean {
    const id = this.currentId;
    // Nothing while a queue is being built: the position shown may still be the previous dataset's. A sentence whose
    // text is still loading is labelled (a fast typist's keys must never be dropped): it is the one the position shows.
    if (id === undefined || this.#loading || this.#key?.datasetId !== this.workspace.datasetId) return false;
    const position = this.#position;
    if (!this.workspace.label([id], label, { position })) return false;
    this.#cache.delete(id);
    this.#move(position + 1);
    if (this.#mode === 'active' && this.active.noteLabel()) void this.retrain();
    return true;
  }

  /**
   * Retrains the active queue's model on the labels stored so far and reorders what lies ahead; everything up to the
   * sentence on screen stays put, so the annotator keeps their place (their keys meanwhile are not lost either).
   */
  async retrain(): Promise<void> {
    const key = this.#key;
    if (!key || this.#mode !== 'active') return;
    await this.workspace.writer.idle();
    // The sentence on screen is scored too (its probability is shown) but stays where it is.
    const ranked = await this.active.rank(key.datasetId, this.#ids.slice(this.#position));
    if (!ranked || this.#key !== key || this.#mode !== 'active' || this.#loading) return;
    this.#ids = spliceQueue(this.#ids, this.#position, ranked);
    this.#prefetch(this.#position);
  }

  /**
   * The same annotator labelling in another tab: in the queues of sentences not yet labelled by them, a sentence they
   * have just labelled elsewhere leaves what lies ahead (the one on screen included), so that this tab never shows it
   * again and a key here cannot overwrite that label. Behind the position nothing moves (this tab's own labels are
   * there, and undo goes back to them).
   */
  #dropLabelledAhead(changes: readonly LabelChange[]): void {
    const key = this.#key;
    if (!key || this.#loading || (this.#mode !== 'unlabelled' && this.#mode !== 'active')) return;
    // What each sentence ends up with after the batch (a label undone within it leaves the sentence unlabelled).
    const last = new Map<number, string | undefined>();
    for (const c of changes) if (c.datasetId === key.datasetId && c.annotatorId === key.annotatorId) last.set(c.sentenceId, c.label);
    const labelled = new Set([...last].filter(([, label]) => label !== undefined).map(([id]) => id));
    if (labelled.size === 0) return;
    const ahead = this.#ids.slice(this.#position);
    const kept = ahead.filter((id) => !labelled.has(id));
    if (kept.length === ahead.length) return;
    this.#ids = [...this.#ids.slice(0, this.#position), ...kept];
    this.#move(this.#position);
  }

  /** Stops following label writes (the screen is gone). */
  dispose(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
  }

  next(): void {
    this.#move(this.#position + 1);
  }

  previous(): void {
    this.#move(this.#position - 1);
  }

  /** Undoes the last step at once and goes back to where it was made; returns it (undefined: nothing to undo). */
  undo(): LabelStep | undefined {
    const step = this.workspace.undo();
    if (step?.position !== undefined) this.#move(step.position);
    return step;
  }

  #move(position: number): void {
    this.#position = Math.max(0, Math.min(position, this.#ids.length));
    this.#prefetch(this.#position);
    this.#save();
  }

  #prefetch(position: number): void {
    if (this.#cache.size > 200) this.#cache.clear();
    for (const p of [position, position + 1, position + 2, position - 1]) {
      const id = this.#ids[p];
      if (id === undefined || this.#cache.has(id)) continue;
      void sentenceView(getDb(), id).then((view) => {
        if (!view) return;
        this.#cache.set(id, view);
        this.#cacheVersion++;
      });
    }
  }

  /** The position is written with the labels, in the same transaction: after a closed tab, both agree. */
  #save(): void {
    if (!this.#key) return;
    const { datasetId, annotatorId } = this.#key;
    this.workspace.writer.keepSetting(keyOf(datasetId, annotatorId), { mode: this.#mode, seed: this.#seed, position: this.#position } satisfies SavedQueue);
  }
}
