// Locale-aware number and size formatting shared by screens.
import type { Lang } from './i18n/catalogue';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['o', 'Ko', 'Mo', 'Go', 'To'];
  const unitsEn = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i += 1;
  }
  const n = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: value < 10 && i > 0 ? 1 : 0 }).format(value);
  return `${n} ${(lang === 'fr' ? units : unitsEn)[i]}`;
}

/** Formatters kept by locale and options: building an Intl.NumberFormat costs far more than formatting with one, and
 * a list of fifty scored sentences redrawn every few seconds built hundreds. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${lang}|${style}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { style, maximumFractionDigits: digits, minimumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

/** Group separators of whole numbers in each language, as Intl writes them (fr: narrow no-break space). */
const GROUPS: Record<Lang, string> = { fr: '\u202f', en: ',' };

/**
 * Whole non-negative numbers are grouped here, as Intl would: a page's first Intl.NumberFormat loads the locale's
 * number data, and on a cold start of « Tout un corpus » that alone delayed its counts by a tenth of a second.
 */
function groupDigits(n: number, separator: string): string {
  const digits = String(n);
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

/** Decimal separators, as Intl writes them. */
const DECIMALS: Record<Lang, string> = { fr: ',', en: '.' };

/**
 * Numbers with a fixed count of decimals, written as Intl would: the Démo's first probabilities otherwise built the
 * page's first Intl.NumberFormat (50 ms). Intl rounds the number's shortest decimal form half away from zero (1.005
 * gives 1,01, where toFixed gives 1.00), so that form is rounded here as text. Undefined where String() writes an
 * exponent (below 1e-6, from 1e21) or the number is not finite: Intl handles those.
 */
function fixedDecimals(n: number, lang: Lang, digits: number): string | undefined {
  const shortest = String(Math.abs(n));
  if (!Number.isFinite(n) || shortest.includes('e')) return undefined;
  const [whole = '0', fraction = ''] = shortest.split('.');
  let kept = whole + fraction.slice(0, digits).padEnd(digits, '0');
  if (fraction.length > digits && fraction.charCodeAt(digits) >= 53 /* '5' */) kept = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
  const wholePart = kept.slice(0, kept.length - digits);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return sign + groupDigits(Number(wholePart), GROUPS[lang]) + (digits > 0 ? DECIMALS[lang] + kept.slice(kept.length - digits) : '');
}

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  if (digits === 0 && Number.isSafeInteger(n) && (n > 0 || Object.is(n, 0))) return groupDigits(n, GROUPS[lang]);
  return fixedDecimals(n, lang, digits) ?? formatter(lang, 'decimal', digits).format(n);
}

export function formatPercent(p: number, lang: Lang, digits = 0): string {
  return formatter(lang, 'percent', digits).format(p);
}
