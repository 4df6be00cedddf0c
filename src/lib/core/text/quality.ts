// Cheap text-quality signals for the data-quality overview: not French, or not language at all (keyboard mash).

const FRENCH = new Set(
  'le la les de des du et est à un une que qui pour pas en dans il elle ce ne plus nous sont par on au aux sur se ou mais avec leur leurs cette être faut très tout tous je vous ils ça qu c l d n s j'.split(' '),
);
const OTHER = new Set(
  'the and of to is in that for it not are with this be have you was der die das und ist nicht ein eine el los las es por con una para lo'.split(' '),
);

export interface TextQuality {
  nonFrench: boolean;
  garbage: boolean;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c > 0x24f && /\p{L}/u.test(String.fromCharCode(c)));
}

const VOWELS = /[aeiouyàâäéèêëîïôöùûüœæ]/;

/** Judges the first 2,000 characters: enough for a verdict, cheap on answers of 100,000 characters. One pass. */
export function textQuality(text: string): TextQuality {
  const n = Math.min(text.length, 2000);
  let visible = 0;
  let letters = 0;
  let words = 0;
  let odd = 0;
  let french = 0;
  let other = 0;
  let run = 0;
  let repeated = false;
  let wordStart = -1;
  const endWord = (end: number) => {
    const length = end - wordStart;
    words++;
    const word = text.slice(wordStart, end).toLowerCase();
    if (length > 25 || (length >= 5 && !VOWELS.test(word))) odd++;
    else if (FRENCH.has(word)) french++;
    else if (OTHER.has(word)) other++;
    wordStart = -1;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0) visible++;
    if (isLetterCode(c)) {
      letters++;
      if (wordStart < 0) wordStart = i;
      run = c === text.charCodeAt(i - 1) ? run + 1 : 1;
      if (run >= 6) repeated = true;
    } else {
      run = 0;
      if (wordStart >= 0) endWord(i);
    }
  }
  if (wordStart >= 0) endWord(n);
  if (visible < 8) return { nonFrench: false, garbage: false };
  const garbage = letters < visible * 0.5 || repeated || (words > 0 && odd / words > 0.3);
  const nonFrench = !garbage && words >= 8 && french / words < 0.06 && other > french;
  return { nonFrench, garbage };
}
