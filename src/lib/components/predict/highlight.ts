// Cuts a sentence into plain and weighted pieces for the highlighted text (rendered as text, never as HTML).
import type { WordWeight } from '../../core/ml/explain/types';

export interface Segment {
  text: string;
  /** Present on words: the weight and its strength relative to the sentence's strongest word (0–1). */
  weight?: number;
  strength?: number;
}

export function highlightSegments(sentence: string, words: readonly WordWeight[]): Segment[] {
  const strongest = Math.max(0, ...words.map((w) => Math.abs(w.weight)));
  const ordered = [...words].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const w of ordered) {
    if (w.start < at || w.end > sentence.length) continue;
    if (w.start > at) out.push({ text: sentence.slice(at, w.start) });
    out.push({ text: sentence.slice(w.start, w.end), weight: w.weight, strength: strongest > 0 ? Math.abs(w.weight) / strongest : 0 });
    at = w.end;
  }
  if (at < sentence.length) out.push({ text: sentence.slice(at) });
  return out;
}

/** The k strongest words by absolute weight, ordered from most "for" to most "against" (the ranked chart's rows). */
export function rankedWords(words: readonly WordWeight[], k: number): WordWeight[] {
  return [...words]
    .filter((w) => w.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, k)
    .sort((a, b) => b.weight - a.weight);
}
