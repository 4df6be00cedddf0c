// The CLI dispatcher: usage, unknown commands and exit codes (the per-command tests live beside each command).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
}

describe('npm run cli', () => {
  it('rejects an unknown command with a French message and exit code 2', () => {
    const run = cli('inventee', '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Commande inconnue : « inventee »');
  });

  it('prints its usage with --help and exits 0', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage : npm run cli -- <commande>/);
  });

  it('exits 1 when called without a command', () => {
    expect(cli().status).toBe(1);
  });
});
