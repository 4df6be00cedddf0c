// A thrown value as text in a language (errorText in locale.svelte.ts uses the interface's): a coded error (from a worker or the core) is translated by
// its code, anything else shows its own message.
import { errorCodeOf } from '../core/errors';
import { catalogues, translate, type Lang, type MessageKey } from './catalogue';

/** The catalogue key of an error code ('import/empty' → 'error.import.empty'), if the catalogue has one. */
export function errorKey(code: string): MessageKey | undefined {
  const key = `error.${code.replaceAll('/', '.')}`;
  return key in catalogues.fr ? (key as MessageKey) : undefined;
}

export function errorTextIn(lang: Lang, error: unknown): string {
  const coded = errorCodeOf(error);
  const key = coded && errorKey(coded.code);
  if (key) return translate(lang, key, coded.details);
  return error instanceof Error ? error.message : String(error);
}
