// Requests of the import worker about search: build a dataset's inverted index, group its near-duplicate sentences.
import type { IndexFacts } from '../../db/repos/search-index';

export type { IndexFacts };

export interface DuplicateGroupView {
  /** Sentence ids of the group, in file order. */
  ids: number[];
  /** Distinct folded texts in the group (1: all identical). */
  variants: number;
  /** The first sentence's text, to show the group by. */
  text: string;
  /** Up to five distinct texts of the group, for a look before labelling it. */
  samples: string[];
}

export interface NearDuplicates {
  sentences: number;
  groupCount: number;
  sentencesInGroups: number;
  /** The largest groups first (at most `limit`). */
  groups: DuplicateGroupView[];
  seconds: number;
}

export type SearchRequests = {
  /** Builds the dataset's inverted index unless a fresh one is stored; progress in answers read. */
  'search/ensureIndex': { args: { datasetId: number }; result: IndexFacts };
  /** Identical and nearly identical sentences of a dataset (MinHash + LSH), in groups. */
  'search/nearDuplicates': { args: { datasetId: number; threshold?: number; limit?: number }; result: NearDuplicates };
};

export type SearchEvents = {
  'search/indexProgress': { datasetId: number; done: number; total: number };
};
