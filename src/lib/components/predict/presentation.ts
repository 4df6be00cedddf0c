// Where a talk stands in presentation mode: which example answer, and how many of its sentences are shown. Each step
// reveals one sentence; after an answer's last sentence the next answer starts with its first.

export interface DeckPosition {
  /** Index of the answer on screen. */
  answer: number;
  /** Sentences of that answer shown so far (at least 1). */
  shown: number;
}

/** `counts[i]` is the number of sentences of answer i; answers without sentences are skipped. */
export function nextPosition(counts: readonly number[], at: DeckPosition): DeckPosition {
  if (at.shown < (counts[at.answer] ?? 0)) return { answer: at.answer, shown: at.shown + 1 };
  for (let a = at.answer + 1; a < counts.length; a++) if ((counts[a] ?? 0) > 0) return { answer: a, shown: 1 };
  return at;
}

export function previousPosition(counts: readonly number[], at: DeckPosition): DeckPosition {
  if (at.shown > 1) return { answer: at.answer, shown: at.shown - 1 };
  for (let a = at.answer - 1; a >= 0; a--) if ((counts[a] ?? 0) > 0) return { answer: a, shown: counts[a]! };
  return at;
}

export function firstPosition(counts: readonly number[]): DeckPosition {
  const answer = counts.findIndex((n) => n > 0);
  return { answer: Math.max(0, answer), shown: answer >= 0 ? 1 : 0 };
}

/** Steps taken and steps in all (one per sentence), for the "3 / 24" counter. */
export function progressOf(counts: readonly number[], at: DeckPosition): { step: number; steps: number } {
  let step = at.shown;
  for (let a = 0; a < at.answer; a++) step += counts[a] ?? 0;
  return { step, steps: counts.reduce((s, n) => s + n, 0) };
}

/**
 * The words a talk highlights: every word coloured is noise from the back of a room, so only the k strongest, and
 * only those weighing at least `minShare` of the strongest one.
 */
export function salientWords<W extends { weight: number }>(words: readonly W[], k = 5, minShare = 0.25): W[] {
  const strongest = Math.max(0, ...words.map((w) => Math.abs(w.weight)));
  if (strongest === 0) return [];
  const kept = new Set([...words].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, k).filter((w) => Math.abs(w.weight) >= minShare * strongest));
  return words.filter((w) => kept.has(w));
}
