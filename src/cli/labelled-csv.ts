// Reads a labelled sentence CSV in Node (PapaParse): text and label columns, positive value, excluded values.
import Papa from 'papaparse';
import { listOption, stringOption, type ParsedArgs } from './args';
import { readTextFile } from './io';

export interface LabelColumns {
  text: string;
  label: string;
  /** Label value meaning dissident (1); any other kept value is 0. */
  positive: string;
  /** Label values whose rows are dropped (for example "inclassable"). */
  exclude: string[];
}

export interface LabelledSet {
  texts: string[];
  labels: (0 | 1)[];
  /** Rows dropped for an excluded label, and for an empty text or label. */
  excluded: number;
  empty: number;
}

/** The options every labelled-data command shares. */
export const LABEL_OPTIONS = {
  text: { type: 'string' },
  label: { type: 'string' },
  positive: { type: 'string' },
  exclude: { type: 'string', multiple: true },
} as const;

export function labelColumns(args: ParsedArgs): LabelColumns {
  return {
    text: stringOption(args, 'text', true),
    label: stringOption(args, 'label', true),
    positive: stringOption(args, 'positive', true),
    exclude: listOption(args, 'exclude'),
  };
}

/** The labelled sentences of a CSV file; errors (in French) name the missing column or the absent classes. */
export function readLabelledCsv(path: string, columns: LabelColumns): LabelledSet {
  const parsed = Papa.parse<Record<string, string | undefined>>(readTextFile(path, 'Fichier CSV').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  for (const column of [columns.text, columns.label]) {
    if (!fields.includes(column)) throw new Error(`Colonne « ${column} » absente de ${path} (colonnes : ${fields.join(', ')}).`);
  }
  const set: LabelledSet = { texts: [], labels: [], excluded: 0, empty: 0 };
  for (const row of parsed.data) {
    const text = (row[columns.text] ?? '').trim();
    const label = (row[columns.label] ?? '').trim();
    if (columns.exclude.includes(label)) {
      set.excluded++;
      continue;
    }
    if (!text || !label) {
      set.empty++;
      continue;
    }
    set.texts.push(text);
    set.labels.push(label === columns.positive ? 1 : 0);
  }
  const positives = set.labels.filter((l) => l === 1).length;
  if (positives === 0) throw new Error(`Aucune ligne avec l’étiquette positive « ${columns.positive} » dans la colonne « ${columns.label} ».`);
  if (positives === set.labels.length) throw new Error(`Toutes les lignes gardées ont l’étiquette « ${columns.positive} » : il faut aussi des exemples négatifs.`);
  return set;
}
