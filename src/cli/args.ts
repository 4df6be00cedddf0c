// Command-line arguments of the headless commands: Node's parseArgs, with French messages for mistakes.
import { parseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

/** Parses argv against the options; unknown options and missing values become errors in French. */
export function parseCommandArgs(argv: string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    throw new Error(option ? `Option incorrecte ou incomplète : ${option}.` : `Arguments incorrects : ${message}`);
  }
}

/** A string option's value, or an error naming it when it is required and missing. */
export function stringOption(args: ParsedArgs, name: string, required: true): string;
export function stringOption(args: ParsedArgs, name: string, required?: false): string | undefined;
export function stringOption(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.values[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[value.length - 1] === 'string') return String(value[value.length - 1]);
  if (required) throw new Error(`Option obligatoire manquante : --${name}.`);
  return undefined;
}

/** All values of a repeatable string option (also split on commas). */
export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  const raw = typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];
  return raw.flatMap((v) => v.split(',')).filter((v) => v.length > 0);
}

/** An integer option, checked against bounds. */
export function integerOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} attend un entier entre ${min} et ${max} (reçu : « ${raw} »).`);
  }
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** The positional argument at index, or an error describing what was expected. */
export function positional(args: ParsedArgs, index: number, what: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw new Error(`Argument manquant : ${what}.`);
  return value;
}
