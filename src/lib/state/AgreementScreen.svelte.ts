// State of the Accord screen: the chosen dataset's labels as agreement units (live), the report (figures at once,
// bootstrap intervals computed in slices after), and the adjudication queue, labelled through the app's label writer
// as the gold annotator.
import { GOLD_ANNOTATOR } from '../core/annotation/labels';
import { majorityLabel } from '../core/annotation/majority';
import { disagreementsCsv, isDisagreement, reportMarkdown, type DisagreementRow } from '../core/agreement/export';
import { agreementIntervals, agreementReport, withIntervals, type AgreementReport, type LabelledUnit } from '../core/agreement/report';
import type { Interval } from '../core/agreement/bootstrap';
import { getDb, type Dataset, type Guideline, type Sentence } from '../db/db';
import { agreementData, sentencesById, type AgreementData } from '../db/repos/agreement-data';
import { ensureAnnotator } from '../db/repos/annotators';
import { listDatasets } from '../db/repos/datasets';
import { ensureDemoDataset } from '../db/repos/demo-seed';
import { proposeExample } from '../db/repos/guideline-examples';
import { currentGuideline, latestGuideline } from '../db/repos/guidelines';
import { labelWriter, type LabelStep, type LabelWriter } from './LabelWriter.svelte';
import { LiveQuery } from './LiveQuery.svelte';

export interface AdjudicationItem {
  unit: LabelledUnit;
  sentence?: Sentence;
  gold?: string;
  majority?: string;
}

export class AgreementScreen {
  readonly datasets = new LiveQuery<Dataset[]>(() => listDatasets(getDb()), []);
  readonly guideline = new LiveQuery<Guideline | undefined>(() => latestGuideline(getDb()), undefined);
  readonly writer: LabelWriter;

  #datasetId = $state<number | undefined>();
  #data = $derived.by(() => {
    const id = this.datasetId;
    return id === undefined ? undefined : new LiveQuery<AgreementData | undefined>(() => agreementData(getDb(), id), undefined);
  });
  #report = $derived.by(() => {
    const data = this.data;
    return data && data.units.length ? agreementReport(data.annotators.map((a) => a.name), data.units, { samples: 0 }) : undefined;
  });
  #intervals = $state.raw<{ of: AgreementData; intervals: Map<string, Interval> } | undefined>();
  #intervalsAbort: AbortController | undefined;
  #goldId: number | undefined;

  // Every disagreement by default: a file imported with its final labels has a reference everywhere, and an empty
  // queue then looks like no disagreement at all.
  openOnly = $state(false);
  #queue = $state.raw<number[]>([]);
  #queueKey = '';
  #position = $state(0);
  #current = $derived.by(() => {
    const id = this.#queue[this.#position];
    return id === undefined ? undefined : new LiveQuery<Map<number, Sentence>>(() => sentencesById(getDb(), [id]), new Map());
  });

  constructor(writer: LabelWriter = labelWriter()) {
    this.writer = writer;
  }

  get datasetId(): number | undefined {
    const list = this.datasets.current;
    return list.some((d) => d.id === this.#datasetId) ? this.#datasetId : list[0]?.id;
  }
  get data(): AgreementData | undefined {
    return this.#data?.current;
  }
  get loadError(): unknown {
    return this.#data?.error;
  }
  get report(): AgreementReport | undefined {
    const report = this.#report;
    const intervals = this.#intervals;
    return report && intervals && intervals.of === this.data ? withIntervals(report, intervals.intervals) : report;
  }
  get intervalsReady(): boolean {
    return !!this.data && this.#intervals?.of === this.data;
  }
  get goldCount(): number {
    return this.data?.gold.size ?? 0;
  }
  get queueLength(): number {
    return this.#queue.length;
  }
  get position(): number {
    return this.#position;
  }
  get labels(): string[] {
    return this.guideline.current?.labels ?? [];
  }

  get item(): AdjudicationItem | undefined {
    const id = this.#queue[this.#position];
    const data = this.data;
    if (id === undefined || !data) return undefined;
    const unit = data.units.find((u) => u.id === id);
    if (!unit) return undefined;
    return {
      unit,
      sentence: this.#current?.current.get(id),
      gold: data.gold.get(id),
      majority: majorityLabel(unit.labels.filter((l): l is string => l !== null)),
    };
  }

  selectDataset(id: number): void {
    this.#datasetId = id;
  }

  /** Seeds the demo dataset and the guideline as Annoter does, and the gold annotator (the adjudicator's labels). */
  async init(): Promise<void> {
    await ensureDemoDataset(getDb());
    await currentGuideline(getDb());
    this.#goldId = await ensureAnnotator(getDb(), GOLD_ANNOTATOR);
  }

  /** Builds the adjudication queue once the data is there, again when the dataset or the filter changes. */
  syncQueue(): void {
    const data = this.data;
    const key = `${this.datasetId}:${this.openOnly}`;
    if (!data || key === this.#queueKey) return;
    this.#queueKey = key;
    this.#queue = data.units.filter((u) => isDisagreement(u) && (!this.openOnly || !data.gold.has(Number(u.id)))).map((u) => Number(u.id));
    this.#position = 0;
  }

  /** Starts the bootstrap intervals of the data shown (the newest data wins; older runs are cancelled). */
  computeIntervals(): void {
    const data = this.data;
    if (!data || this.#intervals?.of === data) return;
    this.#intervalsAbort?.abort();
    const abort = new AbortController();
    this.#intervalsAbort = abort;
    agreementIntervals(data.annotators.length, data.units, { samples: 1000, seed: 1, signal: abort.signal }).then(
      (intervals) => {
        if (!abort.signal.aborted) this.#intervals = { of: data, intervals };
      },
      () => undefined,
    );
  }

  dispose(): void {
    this.#intervalsAbort?.abort();
  }

  /** Gives the sentence on screen this reference label and moves on; false when nothing was labelled. */
  adjudicate(label: string): boolean {
    const id = this.#queue[this.#position];
    const version = this.guideline.current?.version;
    const datasetId = this.datasetId;
    if (id === undefined || version === undefined || datasetId === undefined || this.#goldId === undefined) return false;
    void this.writer.label({ datasetId, sentenceIds: [id], annotatorId: this.#goldId, label, guidelineVersion: version, position: this.#position });
    this.move(this.#position + 1);
    return true;
  }

  undo(): LabelStep | undefined {
    const step = this.writer.undo();
    if (step?.position !== undefined && step.op.annotatorId === this.#goldId) this.move(step.position);
    return step;
  }

  /** Proposes the sentence on screen as an example for the guideline's next version; returns how many are proposed. */
  async proposeForGuideline(): Promise<number | undefined> {
    const item = this.item;
    const data = this.data;
    if (!item?.sentence || !data) return undefined;
    const labels = item.unit.labels.flatMap((label, k) => (label === null ? [] : [{ annotator: data.annotators[k]?.name ?? '?', label }]));
    return proposeExample(getDb(), { sentenceId: Number(item.unit.id), text: item.sentence.text, labels, gold: item.gold });
  }

  move(position: number): void {
    this.#position = Math.max(0, Math.min(position, this.#queue.length));
  }

  /** The report and disagreements as files (texts read for every disagreement). */
  async exportFiles(datasetName: string, title: string): Promise<{ markdown: string; csv: string; base: string } | undefined> {
    const data = this.data;
    const report = this.report;
    if (!data || !report) return undefined;
    const ids = report.disagreements.map(Number);
    const texts = await sentencesById(getDb(), ids);
    const rows: DisagreementRow[] = ids.map((id) => ({ id, text: texts.get(id)?.text ?? '', labels: data.units.find((u) => u.id === id)!.labels, gold: data.gold.get(id) }));
    const base = `accord-${datasetName.replace(/[^\p{L}\p{N}_-]+/gu, '-')}`;
    return { markdown: reportMarkdown(report, title, rows), csv: disagreementsCsv(report.annotators, rows), base };
  }
}
