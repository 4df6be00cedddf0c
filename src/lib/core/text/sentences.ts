// French sentence splitting with offsets: rules for how citizens write (lists, "...", "!!!", missing spaces,
// abbreviations, numbers, guillemets), one pass over the answer; Intl.Segmenter only for non-Latin punctuation.
import { isNonFinalAbbreviation, isTitle } from './abbreviations';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * One regex finds every place where a sentence may end or an item may start: line breaks, runs of
 * terminal punctuation, inline bullets, a spaced dash, and a short number followed by "." or ")".
 */
const CANDIDATE =
  /(\r\n|[\n\r\u2028\u2029\u0085])|([.!?…]+)|([•◦▪▫►▶➢➤■])|([ \t\u00a0\u202f][-–—](?=[ \t\u00a0\u202f]))|((?<![\p{L}\p{N}.,/-])\d{1,2}[.)](?=[ \t\u00a0\u202f]))/gu;
/** A list marker at the start of a line: dash, bullet, "1.", "2)", "a)". */
const LINE_MARKER = /(?:[-–—*•◦▪▫►▶➢➤→✓✔■□>](?=[\s\p{L}«"“(])|\d{1,2}[.)°](?=\s)|[a-zA-Z]\)(?=\s))[\s]*/uy;
const CLOSERS = /["”’')\]»]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /[\p{L}°]/u;
/** Characters that may open a new sentence besides a capital letter. */
const OPENERS = /[\p{N}«"“(\[•◦▪▫►▶➢➤■¿¡-]/u;
const NON_LATIN_STOPS = /[。！？؟।]/;

function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x3000;
}

/** Where the scan stands inside one answer. */
interface ScanState {
  answer: string;
  spans: SentenceSpan[];
  line: number;
  lastEmitLine: number;
  lastListNumber: number;
  dashList: boolean;
}

function isBlank(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x3000 || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function emit(state: ScanState, from: number, to: number): void {
  const { answer, spans } = state;
  while (from < to && isBlank(answer.charCodeAt(from))) from++;
  while (to > from && isBlank(answer.charCodeAt(to - 1))) to--;
  if (to <= from) return;
  const text = answer.slice(from, to);
  if (!LETTER_OR_DIGIT.test(text)) {
    // "!!!" or "..." alone belongs to the sentence before it on the same line.
    const prev = spans[spans.length - 1];
    if (prev && state.lastEmitLine === state.line) {
      prev.end = to;
      prev.text = answer.slice(prev.start, to);
    }
    return;
  }
  spans.push({ text, start: from, end: to });
  state.lastEmitLine = state.line;
}

/** At a line start: skips spaces and a list marker; a dash or bullet marker makes spaced dashes separators. */
function skipLineMarker(state: ScanState, pos: number): number {
  const { answer } = state;
  while (pos < answer.length && isSpace(answer[pos])) pos++;
  state.dashList = false;
  state.lastListNumber = 0;
  const code = answer.charCodeAt(pos);
  // Fast path: most lines start with a letter, which no marker does (except "a)").
  if (code >= 0x61 && code <= 0x7a && answer.charCodeAt(pos + 1) !== 0x29) return pos;
  LINE_MARKER.lastIndex = pos;
  const m = LINE_MARKER.exec(answer);
  if (!m) return pos;
  const marker = m[0].trim();
  if (/^\d/.test(marker)) state.lastListNumber = Number.parseInt(marker, 10);
  else if (!/^[a-zA-Z>]/.test(marker)) state.dashList = true;
  return pos + m[0].length;
}

/** Splits an answer into sentences, keeping each one's start and end offsets in the answer. */
export function splitSentences(answer: string): SentenceSpan[] {
  if (!answer) return [];
  if (NON_LATIN_STOPS.test(answer)) return segmentWithIcu(answer);
  const n = answer.length;
  const state: ScanState = { answer, spans: [], line: 0, lastEmitLine: -1, lastListNumber: 0, dashList: false };
  let sentenceStart = skipLineMarker(state, 0);

  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(answer); m; m = CANDIDATE.exec(answer)) {
    const p = m.index;
    const q = p + m[0].length;
    if (m[1] !== undefined) {
      emit(state, sentenceStart, p);
      state.line++;
      sentenceStart = skipLineMarker(state, q);
      CANDIDATE.lastIndex = Math.max(q, sentenceStart);
    } else if (m[2] !== undefined) {
      const end = terminalEnd(answer, p, q);
      if (end >= 0) {
        emit(state, sentenceStart, end);
        sentenceStart = end;
        CANDIDATE.lastIndex = end;
      }
    } else if (m[3] !== undefined) {
      emit(state, sentenceStart, p);
      sentenceStart = q;
    } else if (m[4] !== undefined) {
      // A spaced dash separates items in a dash list, or right after a colon ("Idées : - moins d'élus - …").
      if (state.dashList || answer.slice(sentenceStart, p).trimEnd().endsWith(':')) {
        emit(state, sentenceStart, p);
        sentenceStart = q;
        state.dashList = true;
      }
    } else if (m[5] !== undefined) {
      // "1. … 2. …" inside a line: a numbered item after a colon or a sentence start, or the next number of a list.
      const num = Number.parseInt(m[5], 10);
      const before = answer.slice(sentenceStart, p).trim();
      const next = state.lastListNumber > 0 && num === state.lastListNumber + 1;
      if (num >= 1 && (before === '' || before.endsWith(':') || next)) {
        emit(state, sentenceStart, p);
        sentenceStart = q;
        state.lastListNumber = num;
      } else if (m[5].endsWith('.')) {
        // Not a list number: let the dot be judged as an ordinary full stop.
        CANDIDATE.lastIndex = q - 1;
      }
    }
  }
  emit(state, sentenceStart, n);
  return state.spans;
}

/**
 * Decides whether the punctuation run answer[p, q) ends a sentence. Returns the offset where the sentence
 * ends (after closing quotes or brackets), or -1 when it does not end there.
 */
function terminalEnd(answer: string, p: number, q: number): number {
  const n = answer.length;
  const run = answer.slice(p, q);
  const bang = run.includes('!') || run.includes('?');
  const ellipsis = !bang && (run.includes('…') || run.length >= 2);
  let after = q;
  // Closing quotes and brackets belong to the sentence they close; French puts a space before ».
  for (;;) {
    if (after < n && CLOSERS.test(answer[after]!)) after++;
    else {
      let k = after;
      while (k < n && isSpace(answer[k])) k++;
      if (k < n && (answer[k] === '»' || answer[k] === '”')) after = k + 1;
      else break;
    }
  }
  const closed = after > q;
  if (after >= n) return after;
  const prevChar = p > 0 ? answer[p - 1]! : '';
  if (prevChar === '(' || prevChar === '[') return -1; // "(...)" marks a cut in a quotation.
  const immediate = answer[after]!;
  if (!isSpace(immediate)) {
    if (/[\r\n\u2028\u2029\u0085]/.test(immediate)) return after;
    // No space after the stop: "augmentent.Trop" ends a sentence, "3.5", "gouv.fr" and "M.Dupont" do not.
    if (!(UPPER.test(immediate) || immediate === '«')) return -1;
    if (bang || ellipsis) return after;
    const word = wordBefore(answer, p);
    if (word.length < 2 || !LOWER.test(word) || isTitle(word) || isNonFinalAbbreviation(word)) return -1;
    if (p - word.length > 0 && answer[p - word.length - 1] === '.') return -1;
    return after;
  }
  let k = after;
  while (k < n && isSpace(answer[k])) k++;
  if (k >= n) return after;
  const next = answer[k]!;
  if (/[\r\n\u2028\u2029\u0085]/.test(next)) return after;
  const opensSentence = UPPER.test(next) || OPENERS.test(next);
  if (bang) {
    if (closed && LOWER.test(next)) return -1; // « Assez ! » crient-ils.
    return opensSentence || LETTER.test(next) ? after : -1;
  }
  if (ellipsis) return opensSentence ? after : -1; // "... et puis" goes on.
  const word = wordBefore(answer, p);
  if (isTitle(word)) return -1;
  if (word.toLowerCase() === 'etc') return opensSentence ? after : -1;
  if (isNonFinalAbbreviation(word)) return -1;
  if (word.length === 1 && LETTER.test(word)) {
    // "J. Chirac", "c.-à-d. les": an initial; but the last letter of "S.N.C.F." may end a sentence.
    const beforeWord = p >= 2 ? answer[p - 2] : '';
    if (!(beforeWord === '.' && UPPER.test(next))) return -1;
  }
  if (closed && LOWER.test(next)) return -1; // « Non. » dit-il.
  return opensSentence || LETTER.test(next) ? after : -1;
}

/** The letters right before offset p ("Mme" in "Mme.", "n°" in "n°."). */
function wordBefore(answer: string, p: number): string {
  let i = p;
  while (i > 0 && LETTER.test(answer[i - 1]!)) i--;
  return answer.slice(i, p);
}

/** Texts with Chinese, Arabic or Devanagari stops: ICU's sentence rules know them, ours do not. */
function segmentWithIcu(answer: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });
  for (const { segment, index } of segmenter.segment(answer)) {
    let offset = index;
    for (const part of segment.split(/(\r\n|[\n\r\u2028\u2029])/)) {
      const lead = part.length - part.trimStart().length;
      const text = part.trim();
      if (text && LETTER_OR_DIGIT.test(text)) spans.push({ text, start: offset + lead, end: offset + lead + text.length });
      offset += part.length;
    }
  }
  return spans;
}
