// Model worker handlers for the checks: the suite runs beside the model, scoring through the model's own kind.
import { runCheckSuite } from '../lib/core/checks/suite';
import { predictProba } from '../lib/core/ml/predict';
import type { HandlerContext } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';

type Requests = ModelProtocol['requests'];
type Ctx = HandlerContext<ModelProtocol>;

/** Runs a suite on a baseline, transfer or classifier model (the transformer code is loaded only for the latter two). */
export async function runChecks(args: Requests['checks/run']['args'], ctx: Ctx): Promise<Requests['checks/run']['result']> {
  const { model, suite, labelled, seed } = args;
  let score: (texts: string[]) => Promise<Float64Array> | Float64Array;
  if (model.kind === 'transfer') {
    const transformers = await import('./transformer-handlers');
    score = (texts) => transformers.predict({ model, texts }, ctx);
  } else if (model.kind === 'classifier') {
    const embeddings = await import('./embedding-handlers');
    score = (texts) => embeddings.classifierProbabilities({ model: model.model, dtype: model.dtype }, texts, ctx);
  } else {
    score = (texts) => predictProba(model, texts);
  }
  return runCheckSuite(suite, score, {
    threshold: model.threshold,
    labelled,
    seed,
    signal: ctx.signal,
    onProgress: (p) => ctx.emit('checks/progress', p),
  });
}
