// Gold rules: the gold annotator's label where present, else the strict majority of the annotators' labels.

/** The label most annotators gave; undefined when there is none or a tie at the top. */
export function majorityLabel(labels: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [label, count] of counts) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

export type GoldSource = 'gold' | 'majority';

/** The reference label of one sentence and where it comes from; undefined when neither rule gives one. */
export function goldOf(gold: string | undefined, annotatorLabels: readonly string[]): { label: string; source: GoldSource } | undefined {
  if (gold !== undefined) return { label: gold, source: 'gold' };
  const label = majorityLabel(annotatorLabels);
  return label === undefined ? undefined : { label, source: 'majority' };
}

/** Agreement of one sentence's annotator labels, for the browse filter. */
export type AgreementState = 'none' | 'single' | 'agree' | 'disagree';

export function agreementOf(annotatorLabels: readonly string[]): AgreementState {
  if (annotatorLabels.length === 0) return 'none';
  if (annotatorLabels.length === 1) return 'single';
  return new Set(annotatorLabels).size === 1 ? 'agree' : 'disagree';
}
