// The model worker's training from IndexedDB: the set is read and the model stored here, never posted.
import { getDb } from '../lib/db/db';
import type { HandlerContext } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';
import { trainStoredBaseline } from '../lib/workers/model/stored-training';
import { loadTrainingSet } from '../lib/workers/model/training-set';

type Requests = ModelProtocol['requests'];

export async function trainBaselineStored(args: Requests['baseline/trainStored']['args'], ctx: HandlerContext<ModelProtocol>): Promise<Requests['baseline/trainStored']['result']> {
  const db = getDb();
  const set = await loadTrainingSet(db, args.source);
  return trainStoredBaseline(db, set, args, { signal: ctx.signal, onProgress: (p) => ctx.emit('train/progress', p) });
}
