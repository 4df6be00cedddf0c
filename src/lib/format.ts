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

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function formatPercent(p: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(p);
}
