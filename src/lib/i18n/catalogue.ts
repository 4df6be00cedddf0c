// The message catalogue: every area's French and English strings merged, French as the reference.
import * as about from './messages/about';
import * as active from './messages/active';
import * as agreement from './messages/agreement';
import * as annotate from './messages/annotate';
import * as checks from './messages/checks';
import * as corpus from './messages/corpus';
import * as demo from './messages/demo';
import * as errors from './messages/errors';
import * as models from './messages/models';
import * as predict from './messages/predict';
import * as recovery from './messages/recovery';
import * as reliability from './messages/reliability';
import * as presentation from './messages/presentation';
import * as importArea from './messages/import';
import * as shell from './messages/shell';
import * as similar from './messages/similar';
import * as similarDense from './messages/similar-dense';
import * as transformer from './messages/transformer';
import * as transfer from './messages/transfer';
import * as usermodels from './messages/usermodels';

// Each area owns one module in messages/ exporting `fr` and `en` with the same keys.
const areas = [shell, about, demo, models, importArea, annotate, agreement, predict, errors, transformer, presentation, checks, similar, usermodels, transfer, active, corpus, recovery, similarDense, reliability] as const;

/** The areas' modules, for the test that no key is defined by two areas (the later one would silently win). */
export const messageAreas: readonly { fr: Record<string, string>; en: Record<string, string> }[] = areas;

type Area = (typeof areas)[number];
type Fr = Area['fr'];
export type MessageKey = Fr extends infer T ? (T extends unknown ? keyof T : never) : never;
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

function merge(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const area of areas) Object.assign(out, area[lang]);
  return out;
}

export const catalogues: Record<Lang, Record<string, string>> = { fr: merge('fr'), en: merge('en') };

const pluralRules: Record<Lang, Intl.PluralRules> = { fr: new Intl.PluralRules('fr'), en: new Intl.PluralRules('en') };

/** A count given as a number or as a formatted string ("1 067 273", "1,067,273"). */
const countOf = (value: string | number) => (typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, '')));

/**
 * Looks a key up and fills `{name}` placeholders, and `{name|one|other}` with the form the language's plural rules
 * give for that count (French: 0 and 1 take the singular); a missing key shows itself so it is noticed.
 */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    if (one === undefined || other === undefined) return String(params[name]);
    return pluralRules[lang].select(countOf(params[name]!)) === 'one' ? one : other;
  });
}
