// Slices of a labelled set (length band, emphasis, a named institution) and the model's accuracy on each, so that
// a model good on average but poor on, say, short or shouted sentences is seen.
import { labelAt } from '../ml/threshold';
import type { CheckFailure, CheckResult, SliceMetrics, SliceSettings } from './types';

export interface SliceDefinition {
  id: string;
  family: string;
  name: string;
  test(text: string): boolean;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

/** The powers the guideline names as a target (folded, lower case): State, elected people, administration, bodies. */
const INSTITUTION =
  /\b(etat|gouvernement|gouvernants?|president|ministres?|ministeres?|deputes?|senat|senateurs?|assemblee|parlement|elus?|maires?|mairies?|prefets?|prefectures?|administrations?|fonctionnaires?|agents publics|services? publics?|caf|pole emploi|urssaf|bercy|elysee|matignon|collectivites?|regions?|departements?|conseil(s)? (general|regional|departemental|municipal)(aux)?)\b/;
const SHOUTED_WORD = /\b\p{Lu}{3,}\b/u;

export const SLICES: readonly SliceDefinition[] = [
  { id: 'length-1-5', family: 'Longueur', name: '1 à 5 mots', test: (t) => wordCount(t) <= 5 },
  { id: 'length-6-15', family: 'Longueur', name: '6 à 15 mots', test: (t) => wordCount(t) >= 6 && wordCount(t) <= 15 },
  { id: 'length-16-30', family: 'Longueur', name: '16 à 30 mots', test: (t) => wordCount(t) >= 16 && wordCount(t) <= 30 },
  { id: 'length-31+', family: 'Longueur', name: 'plus de 30 mots', test: (t) => wordCount(t) > 30 },
  { id: 'emphasis-exclamation', family: 'Emphase', name: 'point d’exclamation', test: (t) => t.includes('!') },
  { id: 'emphasis-capitals', family: 'Emphase', name: 'mot en capitales', test: (t) => SHOUTED_WORD.test(t) },
  { id: 'emphasis-none', family: 'Emphase', name: 'ni « ! » ni capitales', test: (t) => !t.includes('!') && !SHOUTED_WORD.test(t) },
  { id: 'institution-named', family: 'Institution', name: 'une institution nommée', test: (t) => INSTITUTION.test(fold(t)) },
  { id: 'institution-none', family: 'Institution', name: 'aucune institution nommée', test: (t) => !INSTITUTION.test(fold(t)) },
];

/** Accuracy and F1 of labels against predictions (1 = dissident). */
export function sliceMetrics(labels: readonly (0 | 1)[], predicted: readonly (0 | 1)[]): SliceMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  labels.forEach((y, i) => {
    if (y === predicted[i]) correct++;
    if (y === 1 && predicted[i] === 1) tp++;
    else if (y === 0 && predicted[i] === 1) fp++;
    else if (y === 1 && predicted[i] === 0) fn++;
  });
  const positives = tp + fn;
  return { n: labels.length, positives, accuracy: labels.length ? correct / labels.length : 0, f1: positives > 0 ? (2 * tp) / (2 * tp + fp + fn) : null };
}

const verdict = (y: 0 | 1) => (y === 1 ? 'dissident' : 'non dissident');

/** One check per slice: fails when its accuracy falls more than `maxDrop` below the whole set's; lists its mistakes. */
export function sliceChecks(
  texts: readonly string[],
  labels: readonly (0 | 1)[],
  probabilities: ArrayLike<number>,
  threshold: number,
  settings: SliceSettings,
  maxExamples = 20,
): { overall: SliceMetrics; weakest: string[]; checks: CheckResult[] } {
  const predicted = labels.map((_, i) => labelAt(probabilities[i], threshold));
  const overall = sliceMetrics(labels, predicted);
  const checks = SLICES.map((slice): CheckResult => {
    const rows = texts.flatMap((t, i) => (slice.test(t) ? [i] : []));
    const metrics = sliceMetrics(rows.map((i) => labels[i]), rows.map((i) => predicted[i]));
    const wrong = rows.filter((i) => predicted[i] !== labels[i]);
    // The surest mistakes first: they say most about what the model learned.
    wrong.sort((a, b) => Math.abs(probabilities[b] - threshold) - Math.abs(probabilities[a] - threshold));
    const failures: CheckFailure[] = wrong.slice(0, maxExamples).map((i) => ({ text: texts[i], probability: probabilities[i], label: verdict(labels[i]) }));
    const small = metrics.n < settings.minRows;
    const passed = !small && metrics.accuracy >= overall.accuracy - settings.maxDrop;
    return {
      id: `slice:${slice.id}`,
      kind: 'slice',
      name: `${slice.family} : ${slice.name}`,
      passed,
      ...(small ? { skipped: `${metrics.n} phrases, moins que les ${settings.minRows} requises` } : {}),
      tested: metrics.n,
      failures: passed || small ? [] : failures,
      slice: { ...metrics, family: slice.family },
    };
  });
  const weakest = checks
    .filter((c) => !c.skipped)
    .sort((a, b) => (a.slice?.accuracy ?? 0) - (b.slice?.accuracy ?? 0))
    .slice(0, 3)
    .map((c) => c.id);
  return { overall, weakest, checks };
}
