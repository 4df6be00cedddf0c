// The one Dexie schema of the app. Every version(n) stays, with a one-line reason; repos/ are the only door to tables.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CheckReport } from '../core/checks/types';
import { migrateSentenceRows } from './migrations';

export type DatasetStatus = 'importing' | 'ready' | 'cancelled';

export interface Dataset {
  id: number;
  name: string;
  source: 'demo' | 'csv' | 'annotations';
  status: DatasetStatus;
  createdAt: number;
  /** Free-form import facts (encoding, delimiter, column, counts); shown in the import report. */
  info?: Record<string, unknown>;
}

export interface Answer {
  id: number;
  datasetId: number;
  externalId: string;
  text: string;
  /** Columns the user chose to keep, by header name. */
  meta?: Record<string, string>;
  /** Data-quality flags (bits of FLAG in core/csv/overview.ts: duplicate, long, not French, garbage); 0 when none. */
  flags: number;
  /** Line of the record in the imported file. */
  line?: number;
  // The answer's sentences (see answer-sentences.ts): sentence i is text[starts[i], ends[i]).
  sentenceCount: number;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Hash of each sentence's normalised text: matches the same sentence across imports and laptops. */
  hashes: string[];
  /** A sentence's own text where it is not the slice at its offsets (null elsewhere); absent when all are slices. */
  texts?: (string | null)[];
  /** Positions in the source when they are not 0, 1, 2… (annotation files may hold some sentences only). */
  indexes?: number[];
}

/**
 * One sentence as the app reads it. Sentences are not stored one row each (schema v1 did): they live in their
 * answer's row, and a sentence's id is computed from its answer id and position (see answer-sentences.ts).
 */
export interface Sentence {
  id: number;
  datasetId: number;
  answerId: number;
  index: number;
  text: string;
  start: number;
  end: number;
  /** Hash of the normalised text: matches the same sentence across imports and laptops. */
  hash: string;
  /** The answer's data-quality flags, copied so that filters need not read answers. */
  flags?: number;
}

export interface Annotator {
  id: number;
  name: string;
  colour: string;
}

export interface Annotation {
  id: number;
  sentenceId: number;
  annotatorId: number;
  label: string;
  guidelineVersion: number;
  createdAt: number;
  bulk?: boolean;
}

export interface Guideline {
  id: number;
  version: number;
  markdown: string;
  labels: string[];
  createdAt: number;
}

export interface StoredModel {
  id: number;
  name: string;
  kind: 'baseline' | 'transfer' | 'classifier';
  createdAt: number;
  /** The serialised model (for the baseline, the JSON the core ml module produces). */
  data: unknown;
  /** Hash of the labels it was trained on, and the guideline version in force. */
  labelsHash?: string;
  guidelineVersion?: number;
  metrics?: Record<string, unknown>;
  /** The latest check run on it (not indexed: no schema change). */
  checks?: StoredChecks;
}

/** A check run kept with its model: the report, when, which suite, and the labelled set its slices used. */
export interface StoredChecks {
  report: CheckReport;
  ranAt: number;
  /** The suite's version, and whether it was the team's edited copy rather than the shipped file. */
  suiteVersion: number;
  suiteEdited: boolean;
  /** Identity of the cases and slice settings run (suiteFingerprint): results of an edited suite are flagged as stale. */
  suiteFingerprint?: string;
  labelledSource?: string;
}

/** A dataset's inverted search index, the part read whole (posting lists are rows of searchTerms). */
export interface SearchIndexRow {
  datasetId: number;
  /** What it was built from: a dataset whose first or last answer id differ is indexed again (see answerSpan). */
  answers: number;
  firstAnswerId?: number;
  lastAnswerId: number;
  docCount: number;
  /** Answers in file order and the number of each one's first sentence (one entry more: docCount). */
  answerIds: Uint32Array;
  answerStarts: Uint32Array;
  /** TF-IDF norm of each sentence. */
  norms: Float32Array;
  /** Every term between '\n's, and each one's document frequency (same order). */
  vocabulary: string;
  dfs: Uint32Array;
  builtAt: number;
  buildMs: number;
  /** Bytes stored: posting lists, positions, vocabulary and arrays. */
  bytes: number;
  /** INDEX_FORMAT of the build (absent before word positions were stored: such an index is built again). */
  format?: number;
}

/** One term's posting list in a dataset's index (varint gaps, see core/search/varint.ts). */
export interface SearchTermRow {
  datasetId: number;
  term: string;
  postings: Uint8Array;
  /** Word positions of each posting (see core/search/varint.ts decodePositions); absent in older builds. */
  positions?: Uint8Array;
}

/** Sentence vectors of one dataset under one encoder, a chunk at a time (int8 with a scale per vector, ids[i] ↔ row i). */
export interface EmbeddingChunk {
  /** Encoder folder name and precision: `<name>@<dtype>` (q8 and fp32 vectors differ slightly). */
  model: string;
  datasetId: number;
  chunk: number;
  dims: number;
  ids: Float64Array;
  scales: Float32Array;
  values: Int8Array;
}

/** Where a dataset's embedding under one encoder stands, so that a closed tab's run can be resumed. */
export interface EmbeddingRun {
  model: string;
  datasetId: number;
  name: string;
  dtype: 'fp32' | 'q8';
  status: 'running' | 'done' | 'cancelled';
  done: number;
  total: number;
  dims: number;
  updatedAt: number;
}

/** The scores of one answer's sentences under one model (one row per answer: a million rows would be slow to write). */
export interface ScoreRow {
  /** The model's key: `stored-<id>` for a stored model, the built-in model's name otherwise. */
  modelId: string;
  answerId: number;
  datasetId: number;
  /** P(dissident) of sentence i of the answer, in order. */
  probabilities: Float32Array;
}

/** Where scoring a dataset with a model stands: written with every batch, so a reload resumes after the last one. */
export interface ScoreRun {
  modelId: string;
  datasetId: number;
  modelName: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** Answers are scored in id order: every answer up to this id is stored. */
  lastAnswerId: number;
  answers: number;
  answersDone: number;
  sentences: number;
  sentencesDone: number;
  /** Sentences the model was asked about (each distinct text once). */
  distinctScored: number;
  startedAt: number;
  updatedAt: number;
  /** Seconds spent scoring, summed over resumed sessions. */
  seconds: number;
  error?: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * A dataset's sentence count and flags per answer, in file order (see repos/answer-counts.ts): derived from the
 * answers' index and kept whole, since walking that index takes seconds on a large dataset. `stamp` says which
 * answers it describes; a row whose stamp no longer matches is read again.
 */
export interface AnswerCountsRow {
  datasetId: number;
  stamp: string;
  answerIds: Float64Array;
  flags: Int32Array;
  counts: Int32Array;
}

/** Schema v1 (one row per sentence): kept as the starting point of upgrades, and for the migration tests. */
export const SCHEMA_V1 = {
  datasets: '++id, status',
  answers: '++id, datasetId, [datasetId+externalId]',
  sentences: '++id, datasetId, answerId, hash',
  annotators: '++id, &name',
  annotations: '++id, sentenceId, annotatorId, &[sentenceId+annotatorId]',
  guidelines: '++id, &version',
  models: '++id, createdAt',
  settings: 'key',
};

/** Answers from schema v2 on: each row carries its sentences (see answer-sentences.ts); bench:import writes it too. */
export const ANSWERS_SCHEMA = '++id, datasetId, [datasetId+externalId], [datasetId+flags+sentenceCount], *hashes';

export class DissidentiaDb extends Dexie {
  datasets!: EntityTable<Dataset, 'id'>;
  answers!: EntityTable<Answer, 'id'>;
  annotators!: EntityTable<Annotator, 'id'>;
  annotations!: EntityTable<Annotation, 'id'>;
  guidelines!: EntityTable<Guideline, 'id'>;
  models!: EntityTable<StoredModel, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  searchIndexes!: EntityTable<SearchIndexRow, 'datasetId'>;
  searchTerms!: Dexie.Table<SearchTermRow, [number, string]>;
  embeddings!: Dexie.Table<EmbeddingChunk, [string, number, number]>;
  embeddingRuns!: Dexie.Table<EmbeddingRun, [string, number]>;
  scores!: Table<ScoreRow, [string, number]>;
  scoreRuns!: Table<ScoreRun, [string, number]>;
  answerCounts!: EntityTable<AnswerCountsRow, 'datasetId'>;

  constructor(name = 'dissidentia') {
    super(name);
    // v1: first schema (datasets, answers, sentences, annotators, annotations, guidelines, models, settings).
    this.version(1).stores(SCHEMA_V1);
    // v2: sentences move into their answer's row (import speed, text stored once); annotation ids carried over.
    this.version(2)
      .stores({ answers: ANSWERS_SCHEMA })
      .upgrade((tx) => migrateSentenceRows(tx));
    // v3: the one-row-per-sentence table, emptied by v2, goes.
    this.version(3).stores({ sentences: null });
    // v4: the whole corpus scored per model: one row of probabilities per answer, and a run record per (model, dataset).
    this.version(4).stores({ scores: '[modelId+answerId], [modelId+datasetId], datasetId', scoreRuns: '[modelId+datasetId], datasetId' });
    // v5: sentence vectors per (encoder, dataset) in int8 chunks, and each embedding run's state (resume after a reload).
    this.version(5).stores({ embeddings: '[model+datasetId+chunk]', embeddingRuns: '[model+datasetId]' });
    // v6: a persisted inverted index per dataset (search in milliseconds, TF-IDF similarity), rebuilt when stale.
    this.version(6).stores({ searchIndexes: 'datasetId', searchTerms: '[datasetId+term]' });
    // v7: each dataset's sentence counts per answer in one row (a screen opens on a million sentences in one read).
    this.version(7).stores({ answerCounts: 'datasetId' });
  }
}

let instance: DissidentiaDb | undefined;

/**
 * Fires 'replaced' when a newer version of the app, in another tab, upgrades the database: this page's connection
 * is closed so that the upgrade can go on, and the page must reload to run the code that knows the new schema.
 */
export const databaseEvents = new EventTarget();

/** The app's database, opened lazily so that Node tests can pick their own (fake-indexeddb) instance. */
export function getDb(): DissidentiaDb {
  if (!instance) {
    const db = new DissidentiaDb();
    db.on('versionchange', () => {
      db.close();
      databaseEvents.dispatchEvent(new Event('replaced'));
      return false;
    });
    instance = db;
  }
  return instance;
}
