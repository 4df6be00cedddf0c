// Main-thread access to the model worker: one shared worker, started on first use and again after it died.
import { RpcClient } from '../rpc-client';
import type { ModelProtocol } from './protocol';

let client: RpcClient<ModelProtocol> | undefined;

export function modelWorker(): RpcClient<ModelProtocol> {
  client ??= new RpcClient<ModelProtocol>(
    () => new Worker(new URL('../../../workers/model.worker.ts', import.meta.url), { type: 'module', name: 'model' }),
    'model',
  );
  return client;
}
