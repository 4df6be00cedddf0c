// The model worker's requests that run an encoder over stored data (dataset embeddings, transfer training from
// IndexedDB) and the transformer probability functions of predictions; loaded lazily, like transformer-handlers.ts.
import { predictTransfer } from '../lib/core/ml/transfer/train-transfer';
import type { TransferModel } from '../lib/core/ml/transfer/types';
import { getDb } from '../lib/db/db';
import type { HandlerContext } from '../lib/workers/rpc';
import { embedDataset, type EmbedFunction } from '../lib/workers/model/embed-dataset';
import type { ModelProtocol } from '../lib/workers/model/protocol';
import type { BackendChoice, ModelRequest } from '../lib/workers/model/transformer-protocol';
import { trainStoredTransfer } from '../lib/workers/model/transfer-training';
import type { TransformerModel } from '../lib/core/ml/transformer/transformer-model';
import { modelFor } from './transformer-runtime';

type Requests = ModelProtocol['requests'];
type Ctx = HandlerContext<ModelProtocol>;

const loadProgress = (ctx: Ctx) => (p: { file: string; loaded: number; total: number }) =>
  ctx.emit('transformer/progress', { phase: 'load', file: p.file, done: p.loaded, total: p.total });

const embedWith = (model: TransformerModel): EmbedFunction => (texts, options) => model.embed(texts, options);

export async function computeEmbeddings(args: Requests['embeddings/compute']['args'], ctx: Ctx): Promise<Requests['embeddings/compute']['result']> {
  const { model, info } = await modelFor('embed', { ...args, onProgress: loadProgress(ctx) });
  return embedDataset(getDb(), embedWith(model), model.info.hiddenSize, { ...args, name: args.model, dtype: info.dtype }, {
    signal: ctx.signal,
    onProgress: (p) => ctx.emit('embeddings/progress', p),
  });
}

export async function trainTransferStored(args: Requests['transfer/trainStored']['args'], ctx: Ctx): Promise<Requests['transfer/trainStored']['result']> {
  const { model, info } = await modelFor('embed', { ...args, onProgress: loadProgress(ctx) });
  const encoder = { name: args.model, modelType: model.info.modelType, hiddenSize: model.info.hiddenSize, dtype: info.dtype, pooling: 'mean-l2' as const };
  const embed: EmbedFunction = (texts, options) =>
    model.embed(texts, { ...options, onProgress: (done, total) => ctx.emit('transformer/progress', { phase: 'embed', done, total }) });
  return trainStoredTransfer(getDb(), encoder, embed, args, {
    signal: ctx.signal,
    onProgress: (p) => ctx.emit('transfer/progress', p),
  });
}

/** P(dissident) of texts under a transfer model: its encoder (by the name and precision it records), then its head. */
export async function transferProbabilities(transfer: TransferModel, texts: string[], backend: BackendChoice | undefined, ctx: Ctx): Promise<Float64Array> {
  const request = { model: transfer.encoder.name, dtype: transfer.encoder.dtype, backend, onProgress: loadProgress(ctx) };
  const { model } = await modelFor('embed', request);
  return predictTransfer(transfer, await model.embed(texts, { signal: ctx.signal }));
}

/** P(dissident) of texts under a fine-tuned classifier folder. */
export async function classifierProbabilities(request: ModelRequest, texts: string[], ctx: Ctx): Promise<Float64Array> {
  const { model } = await modelFor('classify', { ...request, onProgress: loadProgress(ctx) });
  return model.classify(texts, { signal: ctx.signal });
}
