// The saved transfer model: which encoder made the vectors, the trained head, and its cross-validation report.
import type { CvMetrics } from '../types';
import type { HeadParams, HeadWeights, LossPoint } from './head';

export const TRANSFER_FORMAT = 'dissidentia-transfer';
export const TRANSFER_FORMAT_VERSION = 1;

export interface EncoderRef {
  /** Folder name (public/models/<name>/ in the browser) and, from the CLI, the path it was trained from. */
  name: string;
  path?: string;
  modelType: string;
  hiddenSize: number;
  dtype: 'fp32' | 'q8';
  /** How token vectors became a sentence vector (the only method so far). */
  pooling: 'mean-l2';
}

export interface TransferModel {
  format: typeof TRANSFER_FORMAT;
  formatVersion: typeof TRANSFER_FORMAT_VERSION;
  kind: 'transfer';
  encoder: EncoderRef;
  settings: HeadParams & { folds: number };
  head: HeadWeights;
  threshold: number;
  cv: CvMetrics;
  /** Loss per epoch of the final fit (train and validation). */
  lossCurve: LossPoint[];
  bestEpoch: number;
  trainSeconds: number;
  trainedOn: { n: number; positives: number };
}
