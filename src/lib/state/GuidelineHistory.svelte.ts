// The guideline's versions (live, newest first) and saving an edit as a new version, for the guideline tab.
import { getDb, type Guideline } from '../db/db';
import { listGuidelines, saveGuidelineVersion } from '../db/repos/guidelines';
import { LiveQuery } from './LiveQuery.svelte';

export class GuidelineHistory {
  readonly versions = new LiveQuery<Guideline[]>(() => listGuidelines(getDb()), []);

  /** Saves Markdown and labels (one per line) as a new version; refused with a French reason when labels are bad. */
  save(markdown: string, labelsText: string): Promise<Guideline> {
    return saveGuidelineVersion(getDb(), markdown, labelsText.split('\n'));
  }
}
