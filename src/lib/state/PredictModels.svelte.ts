// Models that predict on the Démo and Prédire screens: the built-in demo model, the user's stored models (baselines,
// transfer heads and classifier folders added on Modèles; the active one first choice) and the other fine-tuned
// classifier folders (the build's and the user's). The worker reads
// stored models from IndexedDB by id and runs transformer models itself; only ids, texts and results cross.
import type { Explanation, ExplainMethod } from '../core/ml/explain';
import type { BaselineModel } from '../core/ml/model';
import type { TransferModel } from '../core/ml/transfer/types';
import { isClassifierRef } from '../core/ml/transformer/classifier-ref';
import { getDb, type StoredModel } from '../db/db';
import { listModelsBesideDemo } from '../db/repos/models';
import { getSetting } from '../db/repos/settings';
import { modelWorker } from '../workers/model/client';
import type { PredictorRef } from '../workers/model/predictor';
import { demoModel } from './DemoModel.svelte';
import { LiveQuery } from './LiveQuery.svelte';
import { transformerSettings } from './TransformerSettings.svelte';

/** What the screens show of a model: how many sentences it learnt from, its cross-validated AUC, its threshold. */
export interface ModelSummary {
  threshold: number;
  trainedOn: { n: number };
  cv: { auc: number };
}

export interface ModelChoice {
  /** A stable key: the demo model's name, `stored-<id>`, or `classifier-<folder>`. */
  key: string;
  id: number | null;
  name: string;
  kind: 'baseline' | 'transfer' | 'classifier';
  builtIn: boolean;
  active: boolean;
  /** For a classifier folder: NaN counts and AUC (it was trained elsewhere) and its own 0.5 rule. */
  model: ModelSummary;
  /** Exact contributions apply (a linear model); LIME applies to every model. */
  linear: boolean;
  predictor: PredictorRef;
}

/** A classifier was trained elsewhere: no counts or AUC to show, and its own 0.5 rule. */
const classifierSummary = (): ModelSummary => ({ threshold: 0.5, trainedOn: { n: Number.NaN }, cv: { auc: Number.NaN } });

export interface LimeSettings {
  samples: number;
  seed: number;
}

export class PredictModels {
  // The demo model's own copy is not read: the built-in entry below is that model.
  readonly stored = new LiveQuery<StoredModel[]>(() => listModelsBesideDemo(getDb(), demoModel.key), []);
  readonly activeId = new LiveQuery<number | undefined>(() => getSetting<number>(getDb(), 'activeModelId'), undefined);
  #picked = $state<string | undefined>();

  constructor() {
    // The classifier folders come from the build's model list (read once per page).
    void transformerSettings.loadList();
  }

  get choices(): ModelChoice[] {
    const out: ModelChoice[] = [];
    const demo = demoModel.model;
    if (demo) {
      const predictor: PredictorRef = { kind: 'loaded', key: demoModel.key };
      out.push({ key: demoModel.key, id: null, name: demoModel.key, kind: 'baseline', builtIn: true, active: false, model: demo, linear: true, predictor });
    }
    const listed = new Set<string>();
    for (const m of this.stored.current) {
      const active = m.id === this.activeId.current;
      const predictor: PredictorRef = { kind: 'stored', id: m.id, backend: transformerSettings.backend };
      if (isClassifierRef(m.data)) listed.add(m.data.model);
      const model = m.kind === 'transfer' ? (m.data as TransferModel) : m.kind === 'classifier' ? classifierSummary() : (m.data as BaselineModel);
      out.push({ key: `stored-${m.id}`, id: m.id, name: m.name, kind: m.kind, builtIn: false, active, model, linear: m.kind === 'baseline', predictor });
    }
    for (const folder of transformerSettings.models ?? []) {
      if (folder.kind !== 'classifier' || listed.has(folder.name)) continue;
      const dtype = folder.dtypes.q8 !== undefined ? 'q8' : 'fp32';
      const predictor: PredictorRef = { kind: 'classifier', model: folder.name, dtype, backend: transformerSettings.backend };
      const model = classifierSummary();
      out.push({ key: `classifier-${folder.name}`, id: null, name: folder.name, kind: 'classifier', builtIn: false, active: false, model, linear: false, predictor });
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

  async predict(choice: ModelChoice, texts: string[], signal?: AbortSignal): Promise<Float64Array> {
    if (choice.builtIn) return demoModel.predict(texts, signal);
    return modelWorker().call('predictor/predict', { predictor: choice.predictor, texts }, { signal });
  }

  async explain(choice: ModelChoice, sentence: string, method: ExplainMethod, lime: LimeSettings, signal?: AbortSignal): Promise<Explanation> {
    if (choice.builtIn) await demoModel.ensure();
    return modelWorker().call('predictor/explain', { predictor: choice.predictor, sentence, method, samples: lime.samples, seed: lime.seed }, { signal });
  }
}
