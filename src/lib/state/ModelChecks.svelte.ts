// State of the Vérifications section: the suite in force (shipped or the team's edited copy), its edits, and check
// runs in the model worker, whose reports are stored with the model.
import { shippedSuite } from '../checks/shipped';
import { parseCheckSuite, suiteFingerprint } from '../core/checks/suite-format';
import type { CheckCase, CheckSuite } from '../core/checks/types';
import type { BaselineModel } from '../core/ml/model';
import type { ClassifierRef } from '../core/ml/transformer/classifier-ref';
import type { TransferModel } from '../core/ml/transfer/types';
import { getDb, type StoredModel } from '../db/db';
import { clearEditedSuite, getEditedSuite, saveEditedSuite } from '../db/repos/check-suite';
import { saveModelChecks } from '../db/repos/models';
import { errorText } from '../i18n/locale.svelte';
import { modelWorker } from '../workers/model/client';
import { LiveQuery } from './LiveQuery.svelte';
import type { TrainingSource } from './training-sources';

export interface SuiteInForce {
  suite: CheckSuite;
  edited: boolean;
  /** Why a stored edited copy could not be read (the shipped suite is used meanwhile). */
  problem?: string;
}

async function readSuite(): Promise<SuiteInForce> {
  const stored = await getEditedSuite(getDb());
  if (stored === undefined) return { suite: shippedSuite(), edited: false };
  try {
    return { suite: parseCheckSuite(stored), edited: true };
  } catch (error) {
    return { suite: shippedSuite(), edited: false, problem: (error as Error).message };
  }
}

export type CheckRunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export class ModelChecks {
  readonly suite = new LiveQuery<SuiteInForce>(readSuite, { suite: shippedSuite(), edited: false });
  #status = $state<CheckRunStatus>('idle');
  #progress = $state.raw<{ done: number; total: number } | undefined>();
  #error = $state.raw<unknown>();
  #modelId = $state<number | undefined>();
  #controller: AbortController | undefined;

  /** The model of the latest run: its status is shown under that model only. */
  get modelId(): number | undefined {
    return this.#modelId;
  }

  get status(): CheckRunStatus {
    return this.#status;
  }
  get progress(): { done: number; total: number } | undefined {
    return this.#progress;
  }
  get message(): string | undefined {
    return this.#error === undefined ? undefined : errorText(this.#error);
  }

  /** Runs the suite in force on a stored model (slices on `labelled` when given) and stores the report with it. */
  async run(stored: StoredModel, labelled?: TrainingSource): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'running';
    this.#modelId = stored.id;
    this.#error = undefined;
    this.#progress = undefined;
    try {
      const { suite, edited } = await readSuite();
      const set = labelled ? await labelled.load() : undefined;
      const model = stored.data as BaselineModel | TransferModel | ClassifierRef;
      const on = {
        'checks/progress': (p: { done: number; total: number }) => {
          if (this.#controller === controller) this.#progress = p;
        },
      };
      const report = await modelWorker().call('checks/run', { model, suite, labelled: set && { texts: set.texts, labels: set.labels } }, { signal: controller.signal, on });
      await saveModelChecks(getDb(), stored.id, { report, ranAt: Date.now(), suiteVersion: suite.version, suiteEdited: edited, suiteFingerprint: suiteFingerprint(suite), labelledSource: labelled?.label });
      this.#status = 'done';
    } catch (error) {
      const aborted = (error as Error).name === 'AbortError';
      this.#status = aborted ? 'cancelled' : 'error';
      this.#error = aborted ? undefined : error;
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  /** Whether a stored run judged another suite than the one in force now (edited, reset or updated since). */
  isStale(run: { suiteVersion: number; suiteEdited: boolean; suiteFingerprint?: string }): boolean {
    const { suite, edited } = this.suite.current;
    // Runs stored before fingerprints existed: only their version and origin can be compared.
    if (run.suiteFingerprint === undefined) return run.suiteVersion !== suite.version || run.suiteEdited !== edited || edited;
    return run.suiteFingerprint !== suiteFingerprint(suite);
  }

  cancel(): void {
    this.#controller?.abort();
  }

  /** Adds a case, or replaces the one with `replaces` as id; the whole suite is validated first (French message thrown). */
  async saveCase(c: CheckCase, replaces?: string): Promise<void> {
    const { suite } = await readSuite();
    const cases = replaces === undefined ? [...suite.cases, c] : suite.cases.map((old) => (old.id === replaces ? c : old));
    await saveEditedSuite(getDb(), $state.snapshot(parseCheckSuite({ ...suite, cases })));
  }

  async deleteCase(id: string): Promise<void> {
    const { suite } = await readSuite();
    await saveEditedSuite(getDb(), { ...suite, cases: suite.cases.filter((c) => c.id !== id) });
  }

  /** Drops the edits: the shipped suite is in force again. */
  reset(): Promise<void> {
    return clearEditedSuite(getDb());
  }

  /** The suite in force as a JSON file (for the team to review and ship). */
  exportText(): string {
    return JSON.stringify(this.suite.current.suite, null, 2);
  }
}
