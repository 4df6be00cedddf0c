// Active learning in Annoter: how often the model retrains (a setting), the retrain itself in the model worker (gold
// labels of the dataset, a pool of the queue's sentences ranked « plus utiles d'abord »), its status and each
// sentence's probability. The newest retrain wins; LabellingSession splices its order in.
import { APP_LABEL_MAPPING, toLabelledSet } from '../core/ml/labelled-set';
import { getDb } from '../db/db';
import { goldLabels } from '../db/repos/annotations';
import { getSentences } from '../db/repos/sentences';
import { getSetting, setSetting } from '../db/repos/settings';
import type { ActiveRankResult } from '../workers/model/active-protocol';
import { modelWorker } from '../workers/model/client';

const EVERY_KEY = 'annotate.active.retrainEvery';
export const DEFAULT_RETRAIN_EVERY = 20;
/** Sentences ranked per retrain: beyond them the queue keeps its random order (scoring a million sentences would take a minute). */
export const ACTIVE_POOL = 5000;
/** Fewest labels of each class before a model is worth training. */
export const MIN_PER_CLASS = 2;

export type ActiveStatus = 'idle' | 'waiting' | 'training' | 'ready' | 'error';

export class ActiveLearning {
  #every = $state(DEFAULT_RETRAIN_EVERY);
  #since = $state(0);
  #status = $state<ActiveStatus>('idle');
  #error = $state<string | undefined>();
  #last = $state.raw<(Pick<ActiveRankResult, 'trainedOn' | 'seconds' | 'threshold'> & { generation: number }) | undefined>();
  #probabilities = $state.raw(new Map<number, number>());
  #counts = $state.raw({ positives: 0, negatives: 0 });
  #controller: AbortController | undefined;
  #generation = 0;

  get retrainEvery(): number {
    return this.#every;
  }
  /** Labels given since the last retrain (the next one comes at retrainEvery). */
  get sinceRetrain(): number {
    return this.#since;
  }
  get status(): ActiveStatus {
    return this.#status;
  }
  get error(): string | undefined {
    return this.#error;
  }
  get last() {
    return this.#last;
  }
  /** Gold labels of each class at the last attempt (shown while waiting for enough of both). */
  get counts(): { positives: number; negatives: number } {
    return this.#counts;
  }
  probabilityOf(id: number | undefined): number | undefined {
    return id === undefined ? undefined : this.#probabilities.get(id);
  }

  async load(): Promise<void> {
    const saved = await getSetting<number>(getDb(), EVERY_KEY);
    if (typeof saved === 'number' && Number.isInteger(saved) && saved >= 1) this.#every = saved;
  }

  /** Sets N (retrain every N new labels), kept in the settings; false for a value that is not a whole number ≥ 1. */
  async setRetrainEvery(value: number): Promise<boolean> {
    if (!Number.isInteger(value) || value < 1 || value > 10_000) return false;
    this.#every = value;
    await setSetting(getDb(), EVERY_KEY, value);
    return true;
  }

  /** Counts a new label; true when it is time to retrain. */
  noteLabel(): boolean {
    this.#since++;
    return this.#since >= this.#every && this.#status !== 'training';
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    if (this.#status === 'training') this.#status = 'idle';
  }

  /**
   * Retrains on the dataset's gold labels and ranks `candidates` (the first ACTIVE_POOL of them; the rest keep their
   * order after). Undefined when cancelled by a newer call or when there are too few labels of a class.
   */
  async rank(datasetId: number, candidates: readonly number[]): Promise<number[] | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'training';
    this.#error = undefined;
    const generation = ++this.#generation;
    try {
      const db = getDb();
      const { texts, labels } = toLabelledSet(await goldLabels(db, datasetId), APP_LABEL_MAPPING);
      const positives = labels.filter((l) => l === 1).length;
      this.#counts = { positives, negatives: labels.length - positives };
      if (positives < MIN_PER_CLASS || labels.length - positives < MIN_PER_CLASS) {
        this.#status = 'waiting';
        this.#since = 0;
        return undefined;
      }
      const poolIds = candidates.slice(0, ACTIVE_POOL);
      const pool = (await getSentences(db, poolIds)).map((s) => ({ id: s.id, text: s.text, hash: s.hash }));
      const result = await modelWorker().call('active/rank', { texts, labels, pool }, { signal: controller.signal });
      if (generation !== this.#generation) return undefined;
      const probabilities = new Map<number, number>();
      result.ids.forEach((id, i) => probabilities.set(id, result.probabilities[i]!));
      this.#probabilities = probabilities;
      this.#last = { trainedOn: result.trainedOn, seconds: result.seconds, threshold: result.threshold, generation: (this.#last?.generation ?? 0) + 1 };
      this.#status = 'ready';
      this.#since = 0;
      const ranked = new Set(result.order);
      return [...result.order, ...candidates.filter((id) => !ranked.has(id))];
    } catch (error) {
      if (generation !== this.#generation || (error as Error).name === 'AbortError') return undefined;
      this.#status = 'error';
      this.#error = (error as Error).message;
      return undefined;
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }
}
