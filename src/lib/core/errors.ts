// Errors with a stable code and details: the code crosses worker boundaries and the UI translates it; the
// French message stays for the CLI, logs and anything that has no translation for the code.

/** Values a message template can show (kept to plain values so they survive structured cloning). */
export type ErrorDetails = Record<string, string | number>;

export class CodedError extends Error {
  constructor(
    /** 'area/reason', for example 'import/empty' or 'train/tooFew'. */
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/** The code and details of any thrown value, if it carries them (a CodedError, or one rebuilt from a reply). */
export function errorCodeOf(error: unknown): { code: string; details: ErrorDetails } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, details } = error as { code?: unknown; details?: unknown };
  if (typeof code !== 'string') return undefined;
  const plain: ErrorDetails = {};
  if (typeof details === 'object' && details !== null) {
    for (const [key, value] of Object.entries(details)) if (typeof value === 'string' || typeof value === 'number') plain[key] = value;
  }
  return { code, details: plain };
}
