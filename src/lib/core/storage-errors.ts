// Storage running out: the forms a full disk or quota takes (a DOMException, Dexie's wrappers) recognised, and turned
// into one coded error per operation whose French message says what stopped, what is kept and what to free.
import { CodedError } from './errors';

export type StorageOperation = 'import' | 'score' | 'embed' | 'other';

const MESSAGES: Record<StorageOperation, string> = {
  import:
    'Le stockage de ce navigateur est plein : l’import est arrêté et ses lignes déjà écrites sont retirées ; les autres données sont intactes. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases dont vous n’avez plus besoin, puis relancez l’import.',
  score:
    'Le stockage de ce navigateur est plein : l’évaluation du corpus est arrêtée ; les scores déjà enregistrés sont gardés et elle reprendra là où elle s’est arrêtée. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases, puis relancez.',
  embed:
    'Le stockage de ce navigateur est plein : le calcul des vecteurs de phrases est arrêté ; ceux déjà enregistrés sont gardés et il reprendra là où il s’est arrêté. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases, puis relancez.',
  other:
    'Le stockage de ce navigateur est plein : l’opération est arrêtée et rien de ce qui était enregistré n’est perdu. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases, puis réessayez.',
};

const CODES: Record<StorageOperation, string> = { import: 'storage/fullImport', score: 'storage/fullScore', embed: 'storage/fullEmbed', other: 'storage/full' };

/** Storage is full; the code (`storage/full…`) is what the UI translates. */
export class StorageFullError extends CodedError {
  constructor(readonly operation: StorageOperation) {
    super(CODES[operation], MESSAGES[operation]);
    this.name = 'StorageFullError';
  }
}

/**
 * Whether a thrown value is the browser saying the quota is exceeded: a DOMException named QuotaExceededError, or a Dexie error carrying one as its `inner` error (a transaction aborted by it) or among a bulk
 * operation's `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** The error to report for a failed operation: storage full becomes a StorageFullError, anything else is kept. */
export function storageErrorOf(error: unknown, operation: StorageOperation): unknown {
  if (error instanceof StorageFullError) return error;
  return isQuotaError(error) ? new StorageFullError(operation) : error;
}
