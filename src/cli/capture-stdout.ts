// For the CLI's tests: runs a command and returns what it wrote on stdout (restored after each test by the caller's
// `afterEach(() => vi.restoreAllMocks())`).
import { vi } from 'vitest';

export async function captureStdout(command: (argv: string[]) => Promise<void>, argv: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  await command(argv);
  return out;
}
