// Import worker entry: a thin dispatcher into the CSV preview and the file import (Dexie writes happen here).
import { PREVIEW_BYTES, previewBytes } from '../lib/core/csv/preview';
import { getDb } from '../lib/db/db';
import { importFile } from '../lib/workers/import/import-file';
import type { ImportProtocol } from '../lib/workers/import/protocol';
import { serve, type Handlers } from '../lib/workers/rpc';
import { searchHandlers } from './search-handlers';

const handlers = {
  ...searchHandlers,
  'import/preview': async ({ file }) => previewBytes(new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer()), file.size),
  'import/run': ({ file, request }, { signal, emit }) =>
    importFile(getDb(), file, request, {
      signal,
      onProgress: (p) => emit('import/progress', p),
      onRolledBack: (datasetId, reason) => emit('import/rolledBack', { datasetId, reason }),
    }),
} satisfies Handlers<ImportProtocol>;

serve<ImportProtocol>(self, handlers);
