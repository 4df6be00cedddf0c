// Reads a labelled sentence CSV in Node (PapaParse): text and label columns, mapped by core/ml's labelled-set rules.
import Papa from 'papaparse';
import { toLabelledSet, type LabelledSet, type LabelMapping } from '../lib/core/ml/labelled-set';
import { listOption, stringOption, type ParsedArgs } from './args';
import { readTextFile } from './io';

export interface LabelColumns extends LabelMapping {
  text: string;
  label: string;
  exclude: string[];
}

export type { LabelledSet };

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
  const rows = parsed.data.map((row) => ({ text: (row[columns.text] ?? '').trim(), label: (row[columns.label] ?? '').trim() }));
  const set = toLabelledSet(rows, columns);
  const positives = set.labels.filter((l) => l === 1).length;
  if (positives === 0) throw new Error(`Aucune ligne avec l’étiquette positive « ${columns.positive} » dans la colonne « ${columns.label} ».`);
  if (positives === set.labels.length) throw new Error(`Toutes les lignes gardées ont l’étiquette « ${columns.positive} » : il faut aussi des exemples négatifs.`);
  return set;
}
