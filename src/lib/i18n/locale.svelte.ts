// The current interface language as a rune class; `t()` reads it so templates re-render on switch.
import { translate, type Lang, type MessageKey } from './catalogue';
import { errorTextIn } from './error-text';

const STORAGE_KEY = 'dissidentia.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // localStorage can throw in locked-down browsers; French is the default anyway.
  }
  return 'fr';
}

class Locale {
  #lang = $state<Lang>(initialLang());

  get lang(): Lang {
    return this.#lang;
  }

  set(lang: Lang): void {
    this.#lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not persisting the choice is harmless.
    }
    document.documentElement.lang = lang;
  }

  toggle(): void {
    this.set(this.#lang === 'fr' ? 'en' : 'fr');
  }
}

export const locale = new Locale();

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale.lang, key, params);
}

/** A thrown value in the interface language (a coded error by its code); re-renders on switch like t(). */
export function errorText(error: unknown): string {
  return errorTextIn(locale.lang, error);
}
