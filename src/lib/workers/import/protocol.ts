// Protocol of the import worker: preview a CSV, import it into IndexedDB with progress, cancel (rolled back).
import type { ImportProgress } from '../../core/csv/pipeline';
import type { CsvPreview } from '../../core/csv/preview';
import type { ImportOutcome, ImportRequest } from './import-file';
import type { SearchEvents, SearchRequests } from './search-protocol';

export type { ImportOutcome, ImportRequest };
export type ImportProgressEvent = ImportProgress & { resumedRecords: number };

export type ImportProtocol = {
  requests: SearchRequests & {
    /** Encoding, delimiter, header and first rows, with suggested columns. */
    'import/preview': { args: { file: File }; result: CsvPreview };
    /** Streams the file into a new dataset (or resumes one); cancelling rolls it back. */
    'import/run': { args: { file: File; request: ImportRequest }; result: ImportOutcome };
  };
  events: SearchEvents & {
    'import/progress': ImportProgressEvent;
    'import/rolledBack': { datasetId: number; reason: 'cancelled' | 'error' };
  };
};
