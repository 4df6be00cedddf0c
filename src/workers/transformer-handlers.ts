// The model worker's transformer requests, in a module of their own so transformers.js loads only when first needed.
import { predictTransfer, trainTransfer } from '../lib/core/ml/transfer/train-transfer';
import type { HandlerContext } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';
import { currentRuntime, modelFor } from './transformer-runtime';

type Requests = ModelProtocol['requests'];
type Ctx = HandlerContext<ModelProtocol>;

const loadProgress = (ctx: Ctx) => (p: { file: string; loaded: number; total: number }) =>
  ctx.emit('transformer/progress', { phase: 'load', file: p.file, done: p.loaded, total: p.total });

export async function embed(args: Requests['transformer/embed']['args'], ctx: Ctx): Promise<Requests['transformer/embed']['result']> {
  const { model, info } = await modelFor('embed', { ...args, onProgress: loadProgress(ctx) });
  const vectors = await model.embed(args.texts, {
    batchSize: args.batchSize,
    signal: ctx.signal,
    onProgress: (done, total) => ctx.emit('transformer/progress', { phase: 'embed', done, total }),
  });
  const dims = model.info.hiddenSize;
  const flat = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => flat.set(v, i * dims));
  return { dims, vectors: flat, runtime: info };
}

export async function classify(args: Requests['transformer/classify']['args'], ctx: Ctx): Promise<Requests['transformer/classify']['result']> {
  const { model, info } = await modelFor('classify', { ...args, onProgress: loadProgress(ctx) });
  return { probabilities: await model.classify(args.texts, { signal: ctx.signal }), runtime: info };
}

export function runtime(): Requests['transformer/runtime']['result'] {
  return currentRuntime();
}

export async function train(args: Requests['transfer/train']['args'], ctx: Ctx): Promise<Requests['transfer/train']['result']> {
  const { model, info } = await modelFor('embed', { ...args, onProgress: loadProgress(ctx) });
  const vectors = await model.embed(args.texts, {
    signal: ctx.signal,
    onProgress: (done, total) => ctx.emit('transformer/progress', { phase: 'embed', done, total }),
  });
  const encoder = { name: args.model, modelType: model.info.modelType, hiddenSize: model.info.hiddenSize, dtype: info.dtype, pooling: 'mean-l2' as const };
  return trainTransfer(vectors, args.labels, encoder, args.options, {
    signal: ctx.signal,
    onProgress: (p) => ctx.emit('transformer/progress', { phase: 'train', done: p.done, total: p.total }),
  });
}

export async function predict(args: Requests['transfer/predict']['args'], ctx: Ctx): Promise<Requests['transfer/predict']['result']> {
  const { model } = await modelFor('embed', { model: args.model.encoder.name, dtype: args.model.encoder.dtype, backend: args.backend, onProgress: loadProgress(ctx) });
  return predictTransfer(args.model, await model.embed(args.texts, { signal: ctx.signal }));
}
