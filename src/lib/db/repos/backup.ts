// Whole-workspace backup: every table in one JSON file, and a restore that validates first and replaces all at once.
import { storageErrorOf } from '../../core/storage-errors';
import { upgradeVersion1 } from '../answer-sentences';
import { clearSearchIndexes } from './search-index';
import type { Annotation, Answer, DissidentiaDb, Sentence } from '../db';

export const BACKUP_FORMAT = 'dissidentia-backup';
/** 2: sentences inside their answers' rows. Version-1 files (a sentences table) are converted on reading. */
export const BACKUP_VERSION = 2;
export const BACKUP_TABLES = ['datasets', 'answers', 'annotators', 'annotations', 'guidelines', 'models', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  /** Dexie schema version of the database that wrote it. */
  schemaVersion: number;
  tables: Record<BackupTable, Record<string, unknown>[]>;
}

/** Typed arrays (model weights may hold some) survive JSON as tagged objects. */
const TYPED = '$typedArray';
type TypedName = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint32Array' | 'Uint8Array' | 'Int8Array' | 'Uint16Array' | 'Int16Array';
const TYPED_CTORS: Record<TypedName, new (values: number[]) => ArrayLike<number>> = { Float64Array, Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Uint16Array, Int16Array };

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (name in TYPED_CTORS) return { [TYPED]: name, values: Array.from(value as unknown as ArrayLike<number>) };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && TYPED in value) {
    const { [TYPED]: name, values } = value as { [TYPED]: TypedName; values: number[] };
    if (name in TYPED_CTORS && Array.isArray(values)) return new TYPED_CTORS[name](values);
  }
  return value;
}

export async function createBackup(db: DissidentiaDb): Promise<Backup> {
  return db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    const tables = {} as Backup['tables'];
    for (const name of BACKUP_TABLES) tables[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), schemaVersion: db.verno, tables };
  });
}

export function serialiseBackup(backup: Backup): string {
  return JSON.stringify(backup, replacer);
}

function refuse(detail: string): never {
  throw new Error(`Fichier de sauvegarde refusé : ${detail} Vos données actuelles n’ont pas été modifiées.`);
}

/** Parses and checks a backup file; throws an Error with a French message saying what is wrong. */
export function parseBackup(text: string): Backup {
  let value: unknown;
  try {
    value = JSON.parse(text, reviver);
  } catch {
    refuse('ce n’est pas un fichier JSON lisible.');
  }
  if (typeof value !== 'object' || value === null) refuse('contenu inattendu.');
  const backup = value as Partial<Backup>;
  if (backup.format !== BACKUP_FORMAT) refuse('ce n’est pas une sauvegarde Dissidentia.');
  // Not String(version): a hostile file's object may have a toString that throws.
  if (typeof backup.version !== 'number') refuse('la version de format manque ou est illisible.');
  if (backup.version > BACKUP_VERSION) refuse(`version de format ${backup.version} inconnue (cette application lit la version ${BACKUP_VERSION}).`);
  const tables = backup.tables as Record<string, unknown> | undefined;
  if (typeof tables !== 'object' || tables === null) refuse('les tables manquent.');
  const version1 = backup.version < 2;
  const checked: [string, string][] = BACKUP_TABLES.map((name) => [name, name === 'settings' ? 'key' : 'id']);
  if (version1) checked.push(['sentences', 'id']);
  for (const [name, key] of checked) {
    const rows = tables[name];
    if (!Array.isArray(rows)) refuse(`la table « ${name} » manque.`);
    const bad = rows.findIndex((r) => !wellFormed(name, key, r, version1));
    if (bad >= 0) refuse(`la ligne ${bad + 1} de la table « ${name} » est mal formée.`);
    // A key or unique index twice would make the restore fail halfway: refused here, before anything is written.
    for (const unique of UNIQUE[name] ?? [[key]]) {
      const seen = new Set<string>();
      const twice = (rows as Record<string, unknown>[]).findIndex((r) => {
        const value = unique.map((k) => keyText(r[k])).join('\u0000');
        return seen.size === seen.add(value).size;
      });
      if (twice >= 0) refuse(`la ligne ${twice + 1} de la table « ${name} » répète une clé (${unique.join(' + ')}).`);
    }
  }
  return version1 ? fromVersion1(backup as Backup, tables) : (backup as Backup);
}

/** A key's value as text, for finding repeats; objects (which a hostile file may give any toString) as JSON. */
const keyText = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** Keys and unique indexes of each table (db.ts), as field lists. */
const UNIQUE: Record<string, string[][]> = {
  annotators: [['id'], ['name']],
  annotations: [['id'], ['sentenceId', 'annotatorId']],
  guidelines: [['id'], ['version']],
};

const isId = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** Whether a row has its key and the fields the app reads it by (ids are positive integers, texts strings). */
function wellFormed(table: string, key: string, row: unknown, version1: boolean): boolean {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  const r = row as Record<string, unknown>;
  if (key === 'key' ? typeof r.key !== 'string' : !isId(r.id)) return false;
  switch (table) {
    case 'answers':
      return isId(r.datasetId) && typeof r.text === 'string' && typeof r.externalId === 'string' && (version1 || holdsSentences(r));
    case 'sentences':
      return isId(r.answerId) && isId(r.datasetId) && typeof r.text === 'string';
    case 'annotations':
      return isId(r.sentenceId) && isId(r.annotatorId) && typeof r.label === 'string';
    case 'annotators':
      return typeof r.name === 'string';
    case 'guidelines':
      return typeof r.version === 'number' && Array.isArray(r.labels);
    case 'datasets':
      return typeof r.name === 'string';
    default:
      return true;
  }
}

/** Whether a version-2 answer row carries its sentences: count, flags, offsets and hashes of the same length. */
function holdsSentences(row: Record<string, unknown>): boolean {
  const n = row.sentenceCount;
  const sameLength = (v: unknown) => (Array.isArray(v) || v instanceof Uint32Array) && v.length === n;
  return typeof n === 'number' && typeof row.flags === 'number' && sameLength(row.starts) && sameLength(row.ends) && sameLength(row.hashes);
}

/** How many sentences a backup holds. */
export function backupSentenceCount(backup: Backup): number {
  return backup.tables.answers.reduce((n, a) => n + (typeof a.sentenceCount === 'number' ? a.sentenceCount : 0), 0);
}

/** A version-1 backup (one row per sentence) in today's shape: sentences in their answers, annotations on their new ids. */
function fromVersion1(backup: Backup, tables: Record<string, unknown>): Backup {
  const { sentences, ...rest } = tables as Record<string, Record<string, unknown>[]>;
  const upgraded = upgradeVersion1(rest.answers as unknown as Answer[], sentences as unknown as Sentence[], rest.annotations as unknown as Annotation[]);
  return { ...backup, version: BACKUP_VERSION, tables: { ...rest, ...upgraded } as unknown as Backup['tables'] };
}

/**
 * Replaces the whole workspace with the backup's content, in one transaction (all or nothing): if any write fails
 * (storage full, a row the checks let through) the workspace is left exactly as it was, and the error says so.
 */
export async function restoreBackup(db: DissidentiaDb, backup: Backup): Promise<void> {
  // Sentence vectors, corpus scores and sentence counts are not backed up (they are recomputed): they go with the
  // answers they described.
  const derived = [db.embeddings, db.embeddingRuns, db.scores, db.scoreRuns, db.answerCounts];
  try {
    await db.transaction('rw', [...BACKUP_TABLES.map((t) => db.table(t)), ...derived], async () => {
      for (const table of derived) await table.clear();
      for (const name of BACKUP_TABLES) {
        const table = db.table(name);
        await table.clear();
        await table.bulkAdd(backup.tables[name]);
      }
    });
  } catch (error) {
    const mapped = storageErrorOf(error, 'other');
    if (mapped !== error) throw mapped;
    throw new Error(`Restauration impossible : ${(error as Error).message} Vos données actuelles n’ont pas été modifiées.`);
  }
  // The indexes describe the answers just replaced.
  await clearSearchIndexes(db);
}

/** A file name for today's backup. */
export function backupFileName(date = new Date()): string {
  return `dissidentia-sauvegarde-${date.toISOString().slice(0, 10)}.json`;
}
