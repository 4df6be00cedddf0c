// `check` command: runs the check suite (the shipped one, or --suite FILE) on a saved model, with slices when a
// labelled CSV is given; exits 0 even when checks fail, unless --strict (exit 3), so reports can be collected.
import { parseCheckSuite } from '../../lib/core/checks/suite-format';
import { runCheckSuite } from '../../lib/core/checks/suite';
import type { CheckReport } from '../../lib/core/checks/types';
import { shippedSuite } from '../../lib/checks/shipped';
import { flag, integerOption, parseCommandArgs, positional, stringOption } from '../args';
import { percent, printResult, readTextFile } from '../io';
import { LABEL_OPTIONS, labelColumns, readLabelledCsv } from '../labelled-csv';
import { openScorer } from '../scorer';

const OPTIONS = { ...LABEL_OPTIONS, labelled: { type: 'string' }, suite: { type: 'string' }, seed: { type: 'string' }, examples: { type: 'string' }, json: { type: 'boolean' }, strict: { type: 'boolean' } } as const;

function human(report: CheckReport, examples: number): string {
  const s = (n: number) => (n > 1 ? 's' : '');
  const lines = [
    `${report.passed} vérification${s(report.passed)} réussie${s(report.passed)}, ${report.failed} échouée${s(report.failed)}, ${report.skipped} non jugée${s(report.skipped)} (seuil ${report.threshold}, suite v${report.suiteVersion}).`,
  ];
  if (report.targetGap !== null) lines.push(`Écart de cible (pouvoir − autres groupes) : ${report.targetGap.toFixed(3)}.`);
  if (report.labelled) lines.push(`Jeu étiqueté : ${report.labelled.overall.n} phrases, exactitude ${percent(report.labelled.overall.accuracy)}.`);
  for (const c of report.checks) {
    const mark = c.skipped ? '–' : c.passed ? '✓' : '✗';
    const extra = c.slice ? ` — exactitude ${percent(c.slice.accuracy)} sur ${c.slice.n}` : c.gap !== undefined ? ` — écart ${c.gap.toFixed(3)}` : '';
    lines.push(`${mark} [${c.kind}] ${c.name} (${c.failures.length}/${c.tested} en échec)${extra}${c.skipped ? ` : ${c.skipped}` : ''}`);
    for (const f of c.failures.slice(0, examples)) {
      const before = f.original !== undefined ? `« ${f.original} » ${f.originalProbability!.toFixed(2)} → ` : '';
      lines.push(`    ${before}« ${f.text} » ${f.probability.toFixed(2)}${f.expected ? ` (attendu : ${f.expected})` : f.label ? ` (étiquette : ${f.label})` : ''}`);
    }
  }
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<void> {
  const args = parseCommandArgs(argv, OPTIONS);
  const modelPath = positional(args, 0, 'le fichier du modèle (model.json) ou le dossier d’un classifieur');
  const suitePath = stringOption(args, 'suite');
  const suite = suitePath ? parseCheckSuite(readTextFile(suitePath, 'Suite de vérifications')) : shippedSuite();
  const labelledPath = stringOption(args, 'labelled');
  const labelled = labelledPath ? readLabelledCsv(labelledPath, labelColumns(args)) : undefined;
  const seed = integerOption(args, 'seed', 1, 0, 2 ** 32 - 1);
  const examples = integerOption(args, 'examples', 3, 0, 1000);
  const model = await openScorer(modelPath);
  let report: CheckReport;
  try {
    report = await runCheckSuite(suite, (texts) => model.score(texts), { threshold: model.threshold, labelled, seed });
  } finally {
    await model.dispose();
  }
  printResult(flag(args, 'json'), report, () => human(report, examples));
  if (flag(args, 'strict') && report.failed > 0) process.exitCode = 3;
}
