// A dataset's labelling progress, and how one committed label change moves it (so counts follow the writes without
// re-reading the dataset).

export interface Progress {
  total: number;
  /** Sentences with at least one human label. */
  labelled: number;
  /** Sentences with a gold label. */
  gold: number;
  perAnnotator: { annotatorId: number; count: number }[];
  /** The gold annotator's id, when there is one: its labels count as gold, not as human labels. */
  goldAnnotatorId?: number;
}

/** One committed write of one sentence's label: who had labelled it before and after (annotator ids, each once). */
export interface LabelChange {
  datasetId: number;
  sentenceId: number;
  /** The annotator whose label was written, and the label it now has (undefined: removed). */
  annotatorId: number;
  label?: string;
  /** Written by a bulk action. */
  bulk?: boolean;
  before: readonly number[];
  after: readonly number[];
}

/** The progress after these changes (of its dataset; changes of other datasets are left out). */
export function applyLabelChanges(progress: Progress, datasetId: number, changes: readonly LabelChange[]): Progress {
  const goldId = progress.goldAnnotatorId;
  const perAnnotator = new Map(progress.perAnnotator.map((p) => [p.annotatorId, p.count]));
  let { labelled, gold } = progress;
  for (const { datasetId: of, before, after } of changes) {
    if (of !== datasetId) continue;
    const humansBefore = before.filter((id) => id !== goldId).length;
    const humansAfter = after.filter((id) => id !== goldId).length;
    labelled += Number(humansAfter > 0) - Number(humansBefore > 0);
    if (goldId !== undefined) gold += Number(after.includes(goldId)) - Number(before.includes(goldId));
    for (const id of after) if (id !== goldId && !before.includes(id)) perAnnotator.set(id, (perAnnotator.get(id) ?? 0) + 1);
    for (const id of before) if (id !== goldId && !after.includes(id)) perAnnotator.set(id, (perAnnotator.get(id) ?? 0) - 1);
  }
  return {
    ...progress,
    labelled,
    gold,
    perAnnotator: [...perAnnotator].filter(([, count]) => count > 0).map(([annotatorId, count]) => ({ annotatorId, count })),
  };
}
