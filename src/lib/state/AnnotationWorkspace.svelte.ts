// State of the Annoter screen shared by its tabs: datasets, annotators and who labels now, the guideline in force,
// the chosen dataset, its progress, and the labelling steps (single or bulk) through the app's one label writer.
// It opens on the dataset the user last chose here or imported, as « Tout un corpus » does (see defaultDataset).
import type { Progress } from '../core/annotation/progress';
import { getDb, type Annotator, type Dataset, type Guideline } from '../db/db';
import { countLabelsOf, createAnnotator, deleteAnnotator, listAnnotators, setCurrentAnnotator, updateAnnotator } from '../db/repos/annotators';
import { listDatasets } from '../db/repos/datasets';
import { ensureDemoDataset } from '../db/repos/demo-seed';
import { currentGuideline, latestGuideline } from '../db/repos/guidelines';
import { sentenceCountsByAnswer } from '../db/repos/sentences';
import { annotatedDataset, rememberAnnotatedDataset } from './annotated-dataset';
import { AnnotationBrowse } from './AnnotationBrowse.svelte';
import { DatasetProgress } from './DatasetProgress.svelte';
import { labelWriter, type LabelStep, type LabelWriter } from './LabelWriter.svelte';
import { LabellingSession } from './LabellingSession.svelte';
import { LiveQuery } from './LiveQuery.svelte';
import { NearDuplicates } from './NearDuplicates.svelte';
import { SimilarSearch } from './SimilarSearch.svelte';
import { TabAnnotator } from './TabAnnotator.svelte';

export class AnnotationWorkspace {
  readonly datasets = new LiveQuery<Dataset[]>(() => listDatasets(getDb()), []);
  readonly annotators = new LiveQuery<Annotator[]>(() => listAnnotators(getDb()), []);
  /** Who labels in this tab (`.current`); each tab keeps its own, the device remembers the last one chosen. */
  readonly current = new TabAnnotator();
  readonly guideline = new LiveQuery<Guideline | undefined>(() => latestGuideline(getDb()), undefined);
  // The tabs' states live as long as the screen, not the tab: switching tabs neither rebuilds the queue (seconds on
  // a million sentences) nor clears a search.
  readonly session: LabellingSession = new LabellingSession(this);
  readonly browse: AnnotationBrowse;
  readonly similar: SimilarSearch = new SimilarSearch(() => this.datasetId);
  readonly duplicates: NearDuplicates = new NearDuplicates();
  readonly writer: LabelWriter;
  readonly #progress: DatasetProgress;

  #datasetId = $state<number | undefined>();
  #ready = $state(false);
  #error = $state<string | undefined>();
  #stopBrowse: () => void = () => undefined;

  constructor(writer: LabelWriter = labelWriter()) {
    this.writer = writer;
    this.#progress = new DatasetProgress(writer);
    this.browse = new AnnotationBrowse(
      () => this.datasetId,
      (listener) => {
        this.#stopBrowse = writer.onChanges(listener);
      },
    );
  }

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
    return this.#progress.current;
  }
  get progressError(): string | undefined {
    return this.#progress.error;
  }
  get canUndo(): boolean {
    return this.writer.canUndo;
  }

  /**
   * Seeds the demo dataset and guideline version 1 on first use, and picks the dataset last chosen here or imported
   * (the demo corpus, seeded now, does not win by being newer). Picked once: an import made meanwhile in another tab
   * does not swap the queue under the annotator.
   */
  async init(): Promise<void> {
    try {
      const db = getDb();
      // Independent reads, side by side: each round trip counts when the screen opens.
      await Promise.all([ensureDemoDataset(db), currentGuideline(db)]);
      this.#datasetId = await annotatedDataset(db);
      // The queue will need the dataset's sentence counts: their read starts now, while the profiles load.
      if (this.#datasetId !== undefined) void sentenceCountsByAnswer(db, this.#datasetId).catch(() => undefined);
      this.#ready = true;
    } catch (error) {
      this.#error = (error as Error).message;
    }
  }

  /** The user picks a dataset: shown now, and opened next time unless a newer import comes first. */
  selectDataset(id: number): void {
    this.#datasetId = id;
    void rememberAnnotatedDataset(getDb(), id);
  }

  async addAnnotator(name: string, colour?: string): Promise<void> {
    const id = await createAnnotator(getDb(), name, colour);
    this.current.pin(id);
    await setCurrentAnnotator(getDb(), id);
  }

  async renameAnnotator(id: number, name: string, colour: string): Promise<void> {
    await updateAnnotator(getDb(), id, { name, colour });
  }

  /** Deletes a profile and its labels; its queue and the undo history go too (it may hold that profile's steps). */
  async deleteAnnotator(id: number): Promise<number> {
    await this.writer.idle();
    const removed = await deleteAnnotator(getDb(), id);
    this.session.reset();
    this.writer.clearUndo();
    void this.#progress.reload();
    return removed;
  }

  /** After a backup replaced everything: the queue is rebuilt on next use, selections and undo steps are dropped. */
  afterRestore(): void {
    this.session.reset();
    this.browse.selected.clear();
    this.writer.clearUndo();
    void this.#progress.reload();
  }

  /** After labels came in from another laptop's file: the counts are read again. */
  afterLabelsImported(): void {
    void this.#progress.reload();
  }

  /** Makes the progress counts follow the dataset shown; run in an effect, so it runs again when that changes. */
  followProgress(): void {
    this.#progress.follow(this.datasetId);
  }

  /** Stops following label writes (the screen is gone). */
  dispose(): void {
    this.#progress.dispose();
    this.#stopBrowse();
    this.session.dispose();
  }

  labelsOf(id: number): Promise<number> {
    return countLabelsOf(getDb(), id);
  }

  async switchAnnotator(id: number): Promise<void> {
    this.current.pin(id);
    await setCurrentAnnotator(getDb(), id);
  }

  /**
   * Labels sentences as the current annotator under the guideline in force, as one undoable step, at once (the write
   * is queued, committed within milliseconds); false when no annotator or guideline is there to label with.
   */
  label(sentenceIds: readonly number[], label: string, options: { bulk?: boolean; position?: number } = {}): boolean {
    const annotator = this.current.current;
    const version = this.guideline.current?.version;
    const datasetId = this.datasetId;
    if (!annotator || version === undefined || datasetId === undefined || sentenceIds.length === 0) return false;
    void this.writer.label({ datasetId, sentenceIds, annotatorId: annotator.id, label, guidelineVersion: version, ...options });
    return true;
  }

  /** Undoes the last step at once, whether or not it was stored yet; returns it (undefined: nothing to undo). */
  undo(): LabelStep | undefined {
    return this.writer.undo();
  }
}
