// The model worker's predictions and explanations under any model: baselines the page loaded by key, stored models
// read from IndexedDB by id (baseline, transfer, or a classifier folder's reference), fine-tuned classifier folders.
// Transformer code loads lazily.
import { CodedError } from '../lib/core/errors';
import { explainBaselineSentence, limeExplain, type Explanation } from '../lib/core/ml/explain';
import { predictProba, type BaselineModel } from '../lib/core/ml/model';
import type { TransferModel } from '../lib/core/ml/transfer/types';
import type { ClassifierRef } from '../lib/core/ml/transformer/classifier-ref';
import { getDb, type StoredModel } from '../lib/db/db';
import { getModel } from '../lib/db/repos/models';
import type { HandlerContext } from '../lib/workers/rpc';
import type { PredictorRef } from '../lib/workers/model/predictor';
import type { ModelProtocol } from '../lib/workers/model/protocol';

type Requests = ModelProtocol['requests'];
type Ctx = HandlerContext<ModelProtocol>;

/** Baselines the page loaded (`baseline/load`), by key. */
export const loadedBaselines = new Map<string, BaselineModel>();
/** Stored models read once (ids are never reused; a changed threshold does not change probabilities). */
const storedModels = new Map<number, { kind: StoredModel['kind']; data: unknown }>();
const embeddings = () => import('./embedding-handlers');

export function loadedBaseline(key: string): BaselineModel {
  const model = loadedBaselines.get(key);
  if (!model) throw new CodedError('model/notLoaded', `Modèle non chargé : ${key}`, { key });
  return model;
}

async function storedModel(id: number): Promise<{ kind: StoredModel['kind']; data: unknown }> {
  let entry = storedModels.get(id);
  if (!entry) {
    const row = await getModel(getDb(), id);
    if (!row) throw new CodedError('model/notFound', `Modèle introuvable : ${id}`, { id });
    entry = { kind: row.kind, data: row.data };
    storedModels.set(id, entry);
  }
  return entry;
}

/** The baseline behind a reference, if it is one (exact contributions apply to it). */
async function baselineOf(ref: PredictorRef): Promise<BaselineModel | undefined> {
  if (ref.kind === 'loaded') return loadedBaseline(ref.key);
  if (ref.kind === 'stored') {
    const entry = await storedModel(ref.id);
    if (entry.kind === 'baseline') return entry.data as BaselineModel;
  }
  return undefined;
}

type Probabilities = (texts: string[]) => Promise<Float64Array>;

async function probabilityFunction(ref: PredictorRef, ctx: Ctx): Promise<Probabilities> {
  const baseline = await baselineOf(ref);
  if (baseline) return async (texts) => predictProba(baseline, texts);
  if (ref.kind === 'stored') {
    const entry = await storedModel(ref.id);
    if (entry.kind === 'classifier') {
      const { model, dtype } = entry.data as ClassifierRef;
      return async (texts) => (await embeddings()).classifierProbabilities({ model, dtype, backend: ref.backend }, texts, ctx);
    }
    const transfer = entry.data as TransferModel;
    return async (texts) => (await embeddings()).transferProbabilities(transfer, texts, ref.backend, ctx);
  }
  if (ref.kind === 'classifier') {
    const { kind: _kind, ...request } = ref;
    return async (texts) => (await embeddings()).classifierProbabilities(request, texts, ctx);
  }
  throw new CodedError('model/notLoaded', 'Modèle inconnu.', {});
}

export async function predictWith(args: Requests['predictor/predict']['args'], ctx: Ctx): Promise<Float64Array> {
  return (await probabilityFunction(args.predictor, ctx))(args.texts);
}

export async function explainWith(args: Requests['predictor/explain']['args'], ctx: Ctx): Promise<Explanation> {
  const options = { samples: args.samples, seed: args.seed, signal: ctx.signal };
  const baseline = await baselineOf(args.predictor);
  if (baseline) return explainBaselineSentence(baseline, args.sentence, args.method, options);
  if (args.method === 'exact') throw new CodedError('explain/exactNotLinear', 'Les contributions exactes ne valent que pour le modèle de base (linéaire) : choisissez LIME.', {});
  return limeExplain(args.sentence, await probabilityFunction(args.predictor, ctx), options);
}
