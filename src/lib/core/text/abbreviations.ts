// French abbreviations whose full stop does not end a sentence (titles before a name, references before a number).

/** Titles before a name: never followed by a sentence end ("M. Dupont", "Mme. Michu", "Dr. Martin"). */
const TITLES = new Set(['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Drs', 'Pr', 'Me', 'Mgr', 'St', 'Ste', 'Sts', 'Stes', 'Mr', 'Mrs', 'Jr', 'Sr', 'Cie']);

/** Abbreviations usually followed by a number or a lower-case word (compared lower-cased, accents kept). */
const NON_FINAL = new Set([
  'art', 'cf', 'conf', 'p', 'pp', 'ex', 'env', 'av', 'apr', 'bd', 'boul', 'vol', 'chap', 'fig', 'n', 'n°', 'no', 'num',
  'réf', 'ref', 'tél', 'tel', 'hab', 'approx', 'éd', 'ed', 'coll', 'ibid', 'op', 'cit', 'sq', 'suiv', 'dép', 'dépt',
  'dept', 'adj', 'gal', 'gén', 'lt', 'cdt', 'col', 'sgt', 'vs', 'janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct',
  'nov', 'déc', 'ste', 'éts', 'ets', 'mlle', 'mme', 'min', 'max', 'resp', 'ca', 'cad', 'càd', 'c-à-d', 'nb', 'ps',
]);

export function isTitle(word: string): boolean {
  return TITLES.has(word);
}

export function isNonFinalAbbreviation(word: string): boolean {
  return word.length > 0 && NON_FINAL.has(word.toLowerCase());
}
