// State of the Annoter screen shared by its tabs: datasets, annotators and who labels now, the guideline in force,
// the chosen dataset, and one undo stack for every labelling step (single or bulk).
import { UndoStack } from '../core/annotation/undo-stack';
import { getDb, type Annotator, type Dataset, type Guideline } from '../db/db';
import { labelMany, restoreLabels, setLabel, type PreviousLabel } from '../db/repos/annotations';
import { countLabelsOf, createAnnotator, deleteAnnotator, getCurrentAnnotator, listAnnotators, setCurrentAnnotator, updateAnnotator } from '../db/repos/annotators';
import { listDatasets } from '../db/repos/datasets';
import { ensureDemoDataset } from '../db/repos/demo-seed';
import { currentGuideline, latestGuideline } from '../db/repos/guidelines';
import { getSetting, setSetting } from '../db/repos/settings';
import { datasetProgress, type Progress } from '../db/repos/progress';
import { AnnotationBrowse } from './AnnotationBrowse.svelte';
import { LabellingSession } from './LabellingSession.svelte';
import { LiveQuery } from './LiveQuery.svelte';

const DATASET_KEY = 'annotate.datasetId';

/** One undoable step: the labels it replaced, and where the labelling queue stood. */
export interface UndoEntry {
  items: { sentenceId: number; annotatorId: number; previous: PreviousLabel }[];
  position?: number;
}

export class AnnotationWorkspace {
  readonly datasets = new LiveQuery<Dataset[]>(() => listDatasets(getDb()), []);
  readonly annotators = new LiveQuery<Annotator[]>(() => listAnnotators(getDb()), []);
  readonly current = new LiveQuery<Annotator | undefined>(() => getCurrentAnnotator(getDb()), undefined);
  readonly guideline = new LiveQuery<Guideline | undefined>(() => latestGuideline(getDb()), undefined);
  // The tabs' states live as long as the screen, not the tab: switching tabs neither rebuilds the queue (seconds on
  // a million sentences) nor clears a search.
  readonly session: LabellingSession = new LabellingSession(this);
  readonly browse: AnnotationBrowse = new AnnotationBrowse(() => this.datasetId);

  #datasetId = $state<number | undefined>();
  #ready = $state(false);
  #error = $state<string | undefined>();
  #undo = new UndoStack<UndoEntry>();
  #undoSize = $state(0);
  #progress = $derived.by(() => {
    const id = this.datasetId;
    return id === undefined ? undefined : new LiveQuery<Progress | undefined>(() => datasetProgress(getDb(), id), undefined);
  });

  get ready(): boolean {
    return this.#ready;
  }
  get error(): string | undefined {
    return this.#error;
  }
  get datasetId(): number | undefined {
    const list = this.datasets.current;
    return list.some((d) => d.id === this.#datasetId) ? this.#datasetId : list[0]?.id;
  }
  get labels(): string[] {
    return this.guideline.current?.labels ?? [];
  }
  get progress(): Progress | undefined {
    return this.#progress?.current;
  }
  get canUndo(): boolean {
    return this.#undoSize > 0;
  }

  /** Seeds the demo dataset and guideline version 1 on first use, and picks the last dataset worked on. */
  async init(): Promise<void> {
    try {
      const db = getDb();
      const demoId = await ensureDemoDataset(db);
      await currentGuideline(db);
      this.#datasetId = (await getSetting<number>(db, DATASET_KEY)) ?? demoId;
      this.#ready = true;
    } catch (error) {
      this.#error = (error as Error).message;
    }
  }

  selectDataset(id: number): void {
    this.#datasetId = id;
    void setSetting(getDb(), DATASET_KEY, id);
  }

  async addAnnotator(name: string, colour?: string): Promise<void> {
    const id = await createAnnotator(getDb(), name, colour);
    await setCurrentAnnotator(getDb(), id);
  }

  async renameAnnotator(id: number, name: string, colour: string): Promise<void> {
    await updateAnnotator(getDb(), id, { name, colour });
  }

  /** Deletes a profile and its labels; its queue and the undo history go too (it may hold that profile's steps). */
  async deleteAnnotator(id: number): Promise<number> {
    const removed = await deleteAnnotator(getDb(), id);
    this.session.reset();
    this.#clearUndo();
    return removed;
  }

  /** After a backup replaced everything: the queue is rebuilt on next use, selections and undo steps are dropped. */
  afterRestore(): void {
    this.session.reset();
    this.browse.selected.clear();
    this.#clearUndo();
  }

  labelsOf(id: number): Promise<number> {
    return countLabelsOf(getDb(), id);
  }

  async switchAnnotator(id: number): Promise<void> {
    await setCurrentAnnotator(getDb(), id);
  }

  /** Labels one sentence as the current annotator under the guideline in force; undoable. */
  async label(sentenceId: number, label: string, position?: number): Promise<void> {
    const annotator = this.current.current;
    const version = this.guideline.current?.version;
    if (!annotator || version === undefined) return;
    const previous = await setLabel(getDb(), { sentenceId, annotatorId: annotator.id, label, guidelineVersion: version });
    this.#push({ items: [{ sentenceId, annotatorId: annotator.id, previous }], position });
  }

  /** Labels many sentences at once (recorded as bulk); one undo step. */
  async labelBulk(sentenceIds: readonly number[], label: string): Promise<void> {
    const annotator = this.current.current;
    const version = this.guideline.current?.version;
    if (!annotator || version === undefined || sentenceIds.length === 0) return;
    const previous = await labelMany(getDb(), sentenceIds, annotator.id, label, version);
    this.#push({ items: sentenceIds.map((sentenceId, i) => ({ sentenceId, annotatorId: annotator.id, previous: previous[i] })) });
  }

  /** Undoes the last step and returns it (the labelling view goes back to where it was). */
  async undo(): Promise<UndoEntry | undefined> {
    const entry = this.#undo.pop();
    this.#undoSize = this.#undo.size;
    if (entry) await restoreLabels(getDb(), entry.items);
    return entry;
  }

  #clearUndo(): void {
    this.#undo.clear();
    this.#undoSize = 0;
  }

  #push(entry: UndoEntry): void {
    this.#undo.push(entry);
    this.#undoSize = this.#undo.size;
  }
}
