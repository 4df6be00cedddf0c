// Delimiter and line-end detection from the start of a file, counting only outside double quotes.

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts each candidate delimiter per record (outside quotes) over the first records of the sample. */
function countsPerRecord(text: string, maxRecords: number): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, [0]]));
  let quoted = false;
  let records = 1;
  for (let i = 0; i < text.length && records <= maxRecords; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records++;
      for (const list of counts.values()) list.push(0);
    } else {
      const list = counts.get(c as Delimiter);
      if (list) list[list.length - 1]!++;
    }
  }
  return counts;
}

/**
 * The delimiter that splits the header into the most fields and the next records into as many;
 * a comma when nothing splits (the one-column case is reported later, with the header).
 */
export function detectDelimiter(sample: string): Delimiter {
  const counts = countsPerRecord(sample, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const [delimiter, perRecord] of counts) {
    // The last record may be cut by the end of the sample; the header decides, consistent records confirm.
    const complete = perRecord.length > 2 ? perRecord.slice(0, -1) : perRecord;
    const header = complete[0] ?? 0;
    if (header === 0) continue;
    const consistent = complete.filter((n) => n === header).length / complete.length;
    const score = header * (0.5 + consistent);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** "\r" only for old Mac files with no "\n" at all; CRLF files parse on "\n" with the "\r" trimmed. */
export function detectNewline(sample: string): '\n' | '\r' {
  return sample.includes('\n') || !sample.includes('\r') ? '\n' : '\r';
}
