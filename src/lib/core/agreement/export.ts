// The agreement report as files: Markdown (figures, intervals, pairs, distributions, disagreements) and a CSV of the
// disagreements, one column per annotator. The Markdown is written in French, the app's reference language.
import Papa from 'papaparse';
import { majorityLabel } from '../annotation/majority';
import type { AgreementReport, LabelledUnit } from './report';

const french = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const fmt = (n: number) => (Number.isNaN(n) ? '—' : french.format(n));
const ci = (i: { low: number; high: number }) => (Number.isNaN(i.low) ? '' : ` (IC 95 % ${fmt(i.low)} – ${fmt(i.high)})`);

export interface DisagreementRow {
  id: number | string;
  text: string;
  labels: readonly (string | null)[];
  gold?: string;
}

export function reportMarkdown(report: AgreementReport, title: string, disagreements: readonly DisagreementRow[]): string {
  const lines = [
    `# ${title}`,
    '',
    `${report.items} phrases étiquetées, ${report.annotators.length} annotateurs (${report.annotators.join(', ')}), ${report.disagreements.length} désaccords.`,
    '',
    '| mesure | valeur |',
    '| --- | --- |',
    `| accord brut | ${fmt(report.percentAgreement.value)}${ci(report.percentAgreement.interval)} |`,
    `| κ de Fleiss (${report.fleiss.units} phrases à ${report.fleiss.raters} étiquettes) | ${fmt(report.fleiss.kappa)}${ci(report.fleiss.interval)} |`,
    `| α de Krippendorff (${report.krippendorffAlpha.units} phrases) | ${fmt(report.krippendorffAlpha.alpha)}${ci(report.krippendorffAlpha.interval)} |`,
    ...report.pairs.map((p) => `| κ de Cohen ${p.a} / ${p.b} (${p.units} phrases) | ${fmt(p.kappa)}${ci(p.interval)} |`),
    '',
    '## Étiquettes par annotateur',
    '',
    `| annotateur | ${report.labels.join(' | ')} | total |`,
    `| --- |${report.labels.map(() => ' --- |').join('')} --- |`,
    ...report.distribution.map((d) => `| ${d.annotator} | ${report.labels.map((l) => d.counts[l] ?? 0).join(' | ')} | ${d.total} |`),
    '',
    '## Par version du guide',
    '',
    ...report.byGuideline.map((g) => `- version ${g.version} : α = ${fmt(g.alpha)}, accord brut ${fmt(g.percentAgreement)} (${g.units} phrases)`),
    '',
    '## Au fil du temps (mois de la dernière étiquette)',
    '',
    ...report.byMonth.map((m) => `- ${m.month} : α = ${fmt(m.alpha)}, accord brut ${fmt(m.percentAgreement)} (${m.units} phrases)`),
    '',
    '## Désaccords',
    '',
    `| phrase | ${report.annotators.join(' | ')} | référence |`,
    `| --- |${report.annotators.map(() => ' --- |').join('')} --- |`,
    ...disagreements.map((d) => `| ${d.text.replace(/\|/g, '\\|').replace(/\s+/g, ' ')} | ${d.labels.map((l) => l ?? '').join(' | ')} | ${d.gold ?? ''} |`),
    '',
    'Lecture : bandes de Landis et Koch (1977), une convention ; intervalles par bootstrap (1 000 tirages, graine 1).',
  ];
  return `${lines.join('\n')}\n`;
}

export function disagreementsCsv(annotators: readonly string[], rows: readonly DisagreementRow[]): string {
  return `${Papa.unparse({
    fields: ['sentence_id', 'text', ...annotators.map((a) => `annotator_${a}`), 'majority', 'gold'],
    data: rows.map((r) => [r.id, r.text, ...r.labels.map((l) => l ?? ''), majorityLabel(r.labels.filter((l): l is string => l !== null)) ?? '', r.gold ?? '']),
  })}\n`;
}

/** Units on which the annotators' labels differ. */
export function isDisagreement(unit: LabelledUnit): boolean {
  return new Set(unit.labels.filter((l) => l !== null)).size > 1;
}
