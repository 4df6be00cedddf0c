// Main-thread access to the import worker: one shared worker, started on first use and again after it died.
import { RpcClient } from '../rpc-client';
import type { ImportProtocol } from './protocol';

let client: RpcClient<ImportProtocol> | undefined;

export function importWorker(): RpcClient<ImportProtocol> {
  client ??= new RpcClient<ImportProtocol>(
    () => new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' }),
    'import',
  );
  return client;
}
