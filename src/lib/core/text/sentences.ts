// French sentence splitting with offsets (minimal first version; the import issue refines it).
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Splits an answer into sentences, keeping each one's start and end offsets in the answer. */
export function splitSentences(answer: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /[^.!?…\n]+(?:[.!?…]+|\n+|$)/g;
  for (const match of answer.matchAll(boundary)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    const start = (match.index ?? 0) + lead;
    spans.push({ text, start, end: start + text.length });
  }
  return spans;
}
