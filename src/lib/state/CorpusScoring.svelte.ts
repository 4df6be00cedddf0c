// Scoring a whole dataset from the Corpus view: the datasets, the time estimate for the chosen model, the run's
// record (live), the job in this page (one at a time; it goes on while the user visits other screens), cancel, and
// the resumption of a run a closed tab left half-way. Without a dataset in the address it opens on the one the user
// last chose, scored or imported (remembered in localStorage).
import { defaultDataset, parseRemembered, type RunStamp } from '../core/ml/corpus/default-dataset';
import type { ScoreRun } from '../db/db';
import { getDb, type Dataset } from '../db/db';
import { infoOf, listDatasets } from '../db/repos/datasets';
import { getScoreRun, scoreRunStamps } from '../db/repos/scores';
import { modelWorker } from '../workers/model/client';
import type { ScoreEstimate, ScoreModelRef, ScoreProgress } from '../workers/model/score-protocol';
import { LiveQuery } from './LiveQuery.svelte';

export interface ScoringJob {
  modelId: string;
  datasetId: number;
  progress?: ScoreProgress;
  controller: AbortController;
}

/** The job of this page, kept outside the screen so that leaving the Corpus view does not stop it. */
class ScoringJobs {
  #job = $state<ScoringJob | undefined>();
  /** Runs started or stopped in this page: only the others, found `running`, were left by a closed tab. */
  #touched = new Set<string>();

  get job(): ScoringJob | undefined {
    return this.#job;
  }

  running(modelId: string, datasetId: number): ScoringJob | undefined {
    const job = this.#job;
    return job && job.modelId === modelId && job.datasetId === datasetId ? job : undefined;
  }

  /** Scores (or resumes); `ready` makes sure the model is in the worker first. Resolves once the run ends. */
  async start(model: ScoreModelRef, datasetId: number, ready: () => Promise<unknown>, restart = false): Promise<void> {
    if (this.#job) return;
    this.#touched.add(`${model.modelId}|${datasetId}`);
    const job: ScoringJob = { modelId: model.modelId, datasetId, controller: new AbortController() };
    this.#job = job;
    try {
      await ready();
      await modelWorker().call('score/run', { datasetId, model, restart }, { signal: job.controller.signal, on: { 'score/progress': (p) => this.#job && (this.#job.progress = p) } });
      this.#job = undefined;
    } catch (error) {
      this.#job = undefined;
      const aborted = (error as Error).name === 'AbortError' || (error as { code?: string }).code === 'rpc/aborted';
      if (!aborted) throw error;
    }
  }

  cancel(): void {
    this.#job?.controller.abort();
  }

  /** Whether a run was started or stopped in this page (so one still marked `running` was not left by a closed tab). */
  touched(modelId: string, datasetId: number): boolean {
    return this.#touched.has(`${modelId}|${datasetId}`);
  }
}

export const scoringJobs = new ScoringJobs();

const CHOICE_KEY = 'dissidentia.corpus.dataset';

function remembered() {
  try {
    return parseRemembered(localStorage.getItem(CHOICE_KEY));
  } catch {
    // A locked-down browser may refuse storage: the choice is then not remembered.
    return undefined;
  }
}

function remember(id: number): void {
  try {
    localStorage.setItem(CHOICE_KEY, JSON.stringify({ id, at: Date.now() }));
  } catch {
    // Not remembered: the next visit opens on the latest import or run instead.
  }
}

export class CorpusScoring {
  readonly datasets = new LiveQuery<Dataset[]>(() => listDatasets(getDb()), []);
  #datasetId = $state<number | undefined>();
  /** The runs' last writes, read once when the screen opens (live, they would move the default during a run). */
  #runs = $state.raw<RunStamp[] | undefined>();
  readonly #remembered = remembered();
  #estimate = $state.raw<{ key: string; value: ScoreEstimate } | undefined>();
  #estimateError = $state<string | undefined>();
  #runError = $state<string | undefined>();
  #modelId: () => string | undefined;
  #run = $derived.by(() => {
    const modelId = this.#modelId();
    const datasetId = this.datasetId;
    return modelId === undefined || datasetId === undefined ? undefined : new LiveQuery<ScoreRun | undefined>(() => getScoreRun(getDb(), { modelId, datasetId }), undefined);
  });

  constructor(modelId: () => string | undefined) {
    this.#modelId = modelId;
    void scoreRunStamps(getDb()).then(
      (runs) => (this.#runs = runs),
      () => (this.#runs = []),
    );
  }

  /** The dataset in the address or picked here; else, once the runs are read, the one last used (see defaultDataset). */
  get datasetId(): number | undefined {
    const list = this.datasets.current;
    if (list.some((d) => d.id === this.#datasetId)) return this.#datasetId;
    return this.#runs && defaultDataset(list, this.#runs, this.#remembered);
  }
  /** The dataset named by the address. */
  set datasetId(id: number | undefined) {
    this.#datasetId = id;
  }

  /** The user picks a dataset: shown now, and opened by default next time. */
  choose(id: number): void {
    this.#datasetId = id;
    remember(id);
  }

  /**
   * The dataset's answers and sentences: measured by the estimate once it is there, read from the dataset's import
   * record before (shown at once: the estimate waits for the model worker and a timed probe).
   */
  get counts(): { answers: number; sentences: number } | undefined {
    const estimate = this.estimate;
    if (estimate) return { answers: estimate.answers, sentences: estimate.sentences };
    const dataset = this.datasets.current.find((d) => d.id === this.datasetId);
    const info = dataset && infoOf(dataset);
    return typeof info?.answers === 'number' && typeof info.sentences === 'number' ? { answers: info.answers, sentences: info.sentences } : undefined;
  }
  /** The stored record of the chosen model on the chosen dataset. */
  get run(): ScoreRun | undefined {
    return this.#run?.current;
  }
  get job(): ScoringJob | undefined {
    const modelId = this.#modelId();
    return modelId === undefined || this.datasetId === undefined ? undefined : scoringJobs.running(modelId, this.datasetId);
  }
  /** Another dataset or model is being scored in this page. */
  get busyElsewhere(): boolean {
    return !!scoringJobs.job && !this.job;
  }
  /** The run is marked running but no page is scoring it: a closed or reloaded tab left it half-way. */
  get interrupted(): boolean {
    const modelId = this.#modelId();
    const datasetId = this.datasetId;
    return this.run?.status === 'running' && !scoringJobs.job && modelId !== undefined && datasetId !== undefined && !scoringJobs.touched(modelId, datasetId);
  }

  get estimate(): ScoreEstimate | undefined {
    const key = `${this.#modelId()}|${this.datasetId}`;
    return this.#estimate?.key === key ? this.#estimate.value : undefined;
  }
  get estimateError(): string | undefined {
    return this.#estimateError;
  }
  get runError(): string | undefined {
    return this.#runError;
  }

  /** Measures the model's speed on the dataset's first sentences, for the time shown before a long run. */
  async measure(model: ScoreModelRef, ready: () => Promise<unknown>, signal: AbortSignal): Promise<void> {
    const datasetId = this.datasetId;
    if (datasetId === undefined) return;
    try {
      await ready();
      const value = await modelWorker().call('score/estimate', { datasetId, model }, { signal });
      this.#estimate = { key: `${model.modelId}|${datasetId}`, value };
      this.#estimateError = undefined;
    } catch (error) {
      if (!signal.aborted) this.#estimateError = (error as Error).message;
    }
  }

  async start(model: ScoreModelRef, ready: () => Promise<unknown>, restart = false): Promise<void> {
    const datasetId = this.datasetId;
    if (datasetId === undefined) return;
    remember(datasetId);
    this.#runError = undefined;
    try {
      await scoringJobs.start(model, datasetId, ready, restart);
    } catch (error) {
      this.#runError = (error as Error).message;
    }
  }

  cancel(): void {
    scoringJobs.cancel();
  }
}
