// A fine-tuned classifier folder kept in the model list: which folder, at which precision, and which of its labels is
// dissident. The weights stay in the folder (public/models/ or the user's cache); the list holds only this reference.
import { dissidentLabelIndex, type ModelDtype } from './model-config';

export const CLASSIFIER_FORMAT = 'dissidentia-classifier';

export interface ClassifierRef {
  format: typeof CLASSIFIER_FORMAT;
  formatVersion: 1;
  kind: 'classifier';
  /** Folder name (under public/models/, or `user/…` for a folder kept in this browser). */
  model: string;
  dtype: ModelDtype;
  labels: string[];
  dissidentIndex: number;
  /** A fine-tuned classifier's own rule: dissident when it is the more probable label. */
  threshold: 0.5;
}

/** What the model list needs to know of a classifier folder (its manifest entry). */
export interface ClassifierFolder {
  name: string;
  labels?: string[];
  dtypes: Partial<Record<ModelDtype, number>>;
}

/** The reference to keep for a folder: q8 when it has it; refused in French when its labels do not say which is dissident. */
export function classifierRef(folder: ClassifierFolder): ClassifierRef {
  const labels = folder.labels ?? [];
  const dissidentIndex = dissidentLabelIndex(labels);
  const dtype: ModelDtype = folder.dtypes.q8 !== undefined ? 'q8' : 'fp32';
  return { format: CLASSIFIER_FORMAT, formatVersion: 1, kind: 'classifier', model: folder.name, dtype, labels, dissidentIndex, threshold: 0.5 };
}

export function isClassifierRef(value: unknown): value is ClassifierRef {
  const v = value as Partial<ClassifierRef> | null;
  return typeof v === 'object' && v !== null && v.format === CLASSIFIER_FORMAT && typeof v.model === 'string' && (v.dtype === 'q8' || v.dtype === 'fp32');
}
