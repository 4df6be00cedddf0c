// Explanations asked for on the Prédire screen: one entry per (model, LIME settings, sentence), computed in the model
// worker (exact contributions first when they apply, then LIME), cancellable, and dropped when no longer shown.
import { untrack } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { ExactExplanation, LimeExplanation } from '../core/ml/explain';
import { DEFAULT_LIME_SAMPLES } from '../core/ml/explain/types';
import type { ModelChoice, PredictModels } from './PredictModels.svelte';

export interface ExplanationEntry {
  status: 'running' | 'done' | 'cancelled' | 'error';
  exact?: ExactExplanation;
  lime?: LimeExplanation;
  message?: string;
}

export class PredictExplanations {
  #entries = new SvelteMap<string, ExplanationEntry>();
  #controllers = new Map<string, AbortController>();
  #samples = $state(DEFAULT_LIME_SAMPLES);
  #seed = $state(0);

  constructor(private readonly models: PredictModels) {}

  get samples(): number {
    return this.#samples;
  }
  set samples(value: number) {
    if (Number.isInteger(value) && value >= 10 && value <= 20_000) this.#samples = value;
  }
  get seed(): number {
    return this.#seed;
  }
  set seed(value: number) {
    if (Number.isInteger(value) && value >= 0 && value < 2 ** 32) this.#seed = value;
  }

  #key(choice: ModelChoice, sentence: string): string {
    return JSON.stringify([choice.key, this.#samples, this.#seed, sentence]);
  }

  entry(choice: ModelChoice, sentence: string): ExplanationEntry | undefined {
    return this.#entries.get(this.#key(choice, sentence));
  }

  /** Starts an explanation unless one is running or done for the same model, settings and sentence. */
  async request(choice: ModelChoice, sentence: string): Promise<void> {
    const key = this.#key(choice, sentence);
    const existing = this.#entries.get(key);
    if (existing?.status === 'running' || existing?.status === 'done') return;
    const controller = new AbortController();
    this.#controllers.set(key, controller);
    const lime = { samples: this.#samples, seed: this.#seed };
    let entry: ExplanationEntry = { status: 'running' };
    this.#entries.set(key, entry);
    // Forgotten by keepOnly (the sentence or the model changed): the late answer is dropped.
    const current = () => this.#controllers.get(key) === controller;
    try {
      if (choice.linear) {
        const exact = (await this.models.explain(choice, sentence, 'exact', lime, controller.signal)) as ExactExplanation;
        if (!current()) return;
        entry = { ...entry, exact };
        this.#entries.set(key, entry);
      }
      const result = (await this.models.explain(choice, sentence, 'lime', lime, controller.signal)) as LimeExplanation;
      if (current()) this.#entries.set(key, { ...entry, status: 'done', lime: result });
    } catch (error) {
      const cancelled = (error as Error).name === 'AbortError';
      if (current()) this.#entries.set(key, { ...entry, status: cancelled ? 'cancelled' : 'error', message: cancelled ? undefined : (error as Error).message });
    } finally {
      if (current()) this.#controllers.delete(key);
    }
  }

  cancel(choice: ModelChoice, sentence: string): void {
    this.#controllers.get(this.#key(choice, sentence))?.abort();
  }

  /** Newest text wins: explanations of sentences no longer shown (or of another model) are cancelled and forgotten. */
  keepOnly(choice: ModelChoice | undefined, sentences: readonly string[]): void {
    const wanted = new Set(choice ? sentences.map((s) => this.#key(choice, s)) : []);
    untrack(() => {
      for (const [key, controller] of [...this.#controllers]) {
        if (wanted.has(key)) continue;
        this.#controllers.delete(key);
        controller.abort();
      }
      for (const key of [...this.#entries.keys()]) if (!wanted.has(key)) this.#entries.delete(key);
    });
  }
}
