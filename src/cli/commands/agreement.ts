// `agreement <labelled.csv> --annotators a,b,c [--samples N] [--seed N] [--json]`: agreement between the annotator
// columns of a CSV (empty cells: not labelled); prints {items, percentAgreement, cohen: {"a|b": κ}, fleiss,
// krippendorffAlpha} and, beside those contract keys, the intervals and details of the app's Accord screen.
import { readFileSync } from 'node:fs';
import { parseCsvText } from '../../lib/core/annotation/import-parse';
import { agreementReport } from '../../lib/core/agreement/report';
import { flag, integerOption, listOption, parseCommandArgs, positional } from '../args';

const round = (n: number) => (Number.isNaN(n) ? null : Math.round(n * 10_000) / 10_000);

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, { annotators: { type: 'string', multiple: true }, samples: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } });
  const file = positional(args, 0, 'le fichier CSV étiqueté');
  const annotators = listOption(args, 'annotators');
  if (annotators.length < 2) throw new Error('--annotators attend au moins deux colonnes, séparées par des virgules (par exemple --annotators annotator_a,annotator_b).');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Impossible de lire « ${file} ».`);
  }
  const table = parseCsvText(text);
  const missing = annotators.filter((a) => !table.headers.includes(a));
  if (missing.length) throw new Error(`Colonne${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} du fichier : ${missing.join(', ')} (colonnes : ${table.headers.join(', ')}).`);
  const units = table.rows.map((row, i) => ({ id: i + 2, labels: annotators.map((a) => row[a]?.trim() || null) }));
  const report = agreementReport(annotators, units, { samples: integerOption(args, 'samples', 1000, 0, 100_000), seed: integerOption(args, 'seed', 1, 0, 2 ** 31 - 1) });
  const interval = (i: { low: number; high: number }) => [round(i.low), round(i.high)];
  const out = {
    items: report.items,
    percentAgreement: round(report.percentAgreement.value),
    cohen: Object.fromEntries(report.pairs.map((p) => [`${p.a}|${p.b}`, round(p.kappa)])),
    fleiss: round(report.fleiss.kappa),
    krippendorffAlpha: round(report.krippendorffAlpha.alpha),
    intervals95: {
      percentAgreement: interval(report.percentAgreement.interval),
      cohen: Object.fromEntries(report.pairs.map((p) => [`${p.a}|${p.b}`, interval(p.interval)])),
      fleiss: interval(report.fleiss.interval),
      krippendorffAlpha: interval(report.krippendorffAlpha.interval),
    },
    cohenUnits: Object.fromEntries(report.pairs.map((p) => [`${p.a}|${p.b}`, p.units])),
    fleissUnits: { units: report.fleiss.units, raters: report.fleiss.raters, perCategory: Object.fromEntries(Object.entries(report.fleiss.perCategory).map(([k, v]) => [k, round(v)])) },
    labelsPerUnit: report.labelsPerUnit,
    disagreements: report.disagreements.length,
  };
  if (flag(args, 'json')) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const lines = [
    `${out.items} phrases étiquetées ; accord brut ${out.percentAgreement}`,
    ...Object.entries(out.cohen).map(([pair, k]) => `κ de Cohen ${pair.replace('|', ' / ')} : ${k} (${out.cohenUnits[pair]} phrases)`),
    `κ de Fleiss : ${out.fleiss} (${out.fleissUnits.units} phrases à ${out.fleissUnits.raters} étiquettes)`,
    `α de Krippendorff : ${out.krippendorffAlpha}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
