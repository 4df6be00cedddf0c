// The model worker's requests about where models and the runtime come from; they never load transformers.js.
import type { ModelProtocol } from '../lib/workers/model/protocol';
import { runtimeFiles as filesFor } from './webgpu-status';

type Requests = ModelProtocol['requests'];

export function runtimeFiles(args: Requests['usermodels/runtimeFiles']['args']): Promise<Requests['usermodels/runtimeFiles']['result']> {
  return filesFor(args.backend);
}
