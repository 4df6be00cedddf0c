// The guideline's versions (live, newest first), the examples proposed from adjudication, and saving an edit as a
// new version, for the guideline tab.
import { examplesMarkdown, type ProposedExample } from '../core/annotation/guideline-examples';
import { getDb, type Guideline } from '../db/db';
import { dropProposedExamples, listProposedExamples } from '../db/repos/guideline-examples';
import { listGuidelines, saveGuidelineVersion } from '../db/repos/guidelines';
import { LiveQuery } from './LiveQuery.svelte';

export class GuidelineHistory {
  readonly versions = new LiveQuery<Guideline[]>(() => listGuidelines(getDb()), []);
  readonly proposed = new LiveQuery<ProposedExample[]>(() => listProposedExamples(getDb()), []);
  /** Proposals inserted in the text being edited: dropped from the list once that text is saved as a version. */
  #inserted: number[] = [];

  /** The proposed examples as Markdown to append to the text being edited. */
  insertProposed(): string {
    const list = this.proposed.current;
    this.#inserted = list.map((e) => e.sentenceId);
    return examplesMarkdown(list);
  }

  /** Saves Markdown and labels (one per line) as a new version; refused with a French reason when labels are bad. */
  async save(markdown: string, labelsText: string): Promise<Guideline> {
    const saved = await saveGuidelineVersion(getDb(), markdown, labelsText.split('\n'));
    if (this.#inserted.length) await dropProposedExamples(getDb(), this.#inserted);
    this.#inserted = [];
    return saved;
  }
}
