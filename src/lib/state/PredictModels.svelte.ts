// Models that predict on the Démo and Prédire screens: the built-in demo model and the user's stored baselines (the
// active one first choice); the chosen model is loaded into the model worker once, then predicts and explains there.
import type { Explanation, ExplainMethod } from '../core/ml/explain';
import type { BaselineModel } from '../core/ml/model';
import { getDb, type StoredModel } from '../db/db';
import { listModels } from '../db/repos/models';
import { getSetting } from '../db/repos/settings';
import { modelWorker } from '../workers/model/client';
import { demoModel } from './DemoModel.svelte';
import { LiveQuery } from './LiveQuery.svelte';

export interface ModelChoice {
  /** The key the model is loaded under in the worker: the demo model's name, or `stored-<id>`. */
  key: string;
  id: number | null;
  name: string;
  builtIn: boolean;
  active: boolean;
  model: BaselineModel;
  /** Exact contributions apply (a linear model); LIME applies to every model. */
  linear: boolean;
}

export interface LimeSettings {
  samples: number;
  seed: number;
}

export class PredictModels {
  readonly stored = new LiveQuery<StoredModel[]>(() => listModels(getDb()), []);
  readonly activeId = new LiveQuery<number | undefined>(() => getSetting<number>(getDb(), 'activeModelId'), undefined);
  #picked = $state<string | undefined>();
  /** What each worker key holds now: a model edited in Modèles (a new object from the database) is loaded again. */
  #loaded = new Map<string, BaselineModel>();

  get choices(): ModelChoice[] {
    const out: ModelChoice[] = [];
    const demo = demoModel.model;
    if (demo) out.push({ key: demoModel.key, id: null, name: demoModel.key, builtIn: true, active: false, model: demo, linear: true });
    for (const m of this.stored.current) {
      // The demo model's own row is the built-in entry above; other kinds join when the worker can run them.
      if (m.kind !== 'baseline' || m.name === demoModel.key) continue;
      out.push({ key: `stored-${m.id}`, id: m.id, name: m.name, builtIn: false, active: m.id === this.activeId.current, model: m.data as BaselineModel, linear: true });
    }
    return out;
  }

  /** The picked model, else the active one, else the demo model (undefined while it is being prepared). */
  get selected(): ModelChoice | undefined {
    const list = this.choices;
    const chosen = list.find((c) => c.key === this.#picked) ?? list.find((c) => c.active) ?? list.find((c) => c.builtIn);
    return chosen ?? (demoModel.status === 'error' ? list[0] : undefined);
  }

  pick(key: string): void {
    this.#picked = key;
  }

  async #load(choice: ModelChoice): Promise<string> {
    if (choice.builtIn) {
      await demoModel.ensure();
      return choice.key;
    }
    if (this.#loaded.get(choice.key) !== choice.model) {
      await modelWorker().call('baseline/load', { key: choice.key, model: $state.snapshot(choice.model) as BaselineModel });
      this.#loaded.set(choice.key, choice.model);
    }
    return choice.key;
  }

  async predict(choice: ModelChoice, texts: string[], signal?: AbortSignal): Promise<Float64Array> {
    const key = await this.#load(choice);
    return modelWorker().call('baseline/predict', { key, texts }, { signal });
  }

  async explain(choice: ModelChoice, sentence: string, method: ExplainMethod, lime: LimeSettings, signal?: AbortSignal): Promise<Explanation> {
    const key = await this.#load(choice);
    return modelWorker().call('baseline/explain', { key, sentence, method, samples: lime.samples, seed: lime.seed }, { signal });
  }
}
