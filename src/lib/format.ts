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

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return formatter(lang, 'decimal', digits).format(n);
}

export function formatPercent(p: number, lang: Lang, digits = 0): string {
  return formatter(lang, 'percent', digits).format(p);
}
