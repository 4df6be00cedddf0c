// Meaning-preserving rewrites of a sentence for the invariance checks (per the guideline, none changes the verdict).
import { mulberry32, randomInt } from '../random';
import type { PerturbationName } from './types';

export const PERTURBATIONS: readonly PerturbationName[] = ['lowercase', 'uppercase', 'stripAccents', 'repeatPunctuation', 'removePunctuation', 'typos'];

export function lowercase(text: string): string {
  return text.toLocaleLowerCase('fr');
}

export function uppercase(text: string): string {
  return text.toLocaleUpperCase('fr');
}

/** Accents and cedillas dropped (é → e, ç → c, œ kept: it is a letter, not an accent). */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

/** Each run of sentence punctuation tripled on its last mark (« ! » → « !!! », « . » → « ... »); commas doubled. */
export function repeatPunctuation(text: string): string {
  return text.replace(/[.!?]+/g, (run) => run[run.length - 1].repeat(3)).replace(/,/g, ',,');
}

/** Punctuation removed (apostrophes and hyphens inside words kept), spaces collapsed. */
export function removePunctuation(text: string): string {
  return text
    .replace(/[.,;:!?…«»"“”()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One common typing slip per sentence: two neighbouring letters swapped inside a word of five letters or more,
 * word and place drawn from `seed` (the same sentence and seed give the same slip). Unchanged without such a word.
 */
export function typos(text: string, seed = 1): string {
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return text;
  const rng = mulberry32(seed);
  const word = words[randomInt(rng, words.length)];
  const letters = [...word[0]];
  // Inner letters only: a slip on the first letter is rarer and can make another word.
  let i = 1 + randomInt(rng, letters.length - 3);
  if (letters[i] === letters[i + 1]) i = letters.findIndex((c, k) => k >= 1 && k < letters.length - 2 && c !== letters[k + 1]);
  if (i < 0) return text;
  [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
  const start = word.index ?? 0;
  return text.slice(0, start) + letters.join('') + text.slice(start + word[0].length);
}

/** The named rewrite of a text. */
export function perturb(name: PerturbationName, text: string, seed = 1): string {
  switch (name) {
    case 'lowercase':
      return lowercase(text);
    case 'uppercase':
      return uppercase(text);
    case 'stripAccents':
      return stripAccents(text);
    case 'repeatPunctuation':
      return repeatPunctuation(text);
    case 'removePunctuation':
      return removePunctuation(text);
    case 'typos':
      return typos(text, seed);
  }
}

/** A template with `{x}` replaced by the filler; a filler opening the sentence gets a capital. */
export function fillTemplate(template: string, filler: string): string {
  return template.replace(/\{x\}/g, (_, offset: number) => {
    const opens = template.slice(0, offset).trim() === '';
    return opens ? filler.charAt(0).toLocaleUpperCase('fr') + filler.slice(1) : filler;
  });
}

/** `prefix + text + suffix`, with a space where the parts would touch. */
export function addAround(text: string, prefix: string, suffix: string): string {
  const join = (a: string, b: string) => (a === '' || b === '' ? a + b : /\s$/.test(a) || /^[\s,.!?]/.test(b) ? a + b : `${a} ${b}`);
  return join(join(prefix, text), suffix);
}
