// Serves a production build for the browser benches: builds it (unless BENCH_SKIP_BUILD=1), starts `vite preview`
// on a port, waits until it answers, and stops it with its process group.
import { execSync, spawn } from 'node:child_process';

const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };

export interface Preview {
  base: string;
  stop(): void;
}

export async function startPreview(port: number, outDir: string): Promise<Preview> {
  if (!process.env.BENCH_SKIP_BUILD) execSync(`npx vite build --configLoader runner --outDir ${outDir} --emptyOutDir --logLevel warn`, quiet);
  const server = spawn('npx', ['vite', 'preview', '--configLoader', 'runner', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // Already gone.
      }
    }
  };
  for (let i = 0; i < 120; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return { base, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`Le serveur de prévisualisation ne répond pas sur ${base}`);
}

/** Writes the synthetic Grand Débat file of bench:import if it is not there yet. */
export function ensureSyntheticFile(path: string, answers = 80_000): void {
  execSync(`test -f ${path} || npx tsx scripts/gen-grand-debat-csv.ts --answers ${answers} --out ${path}`, quiet);
}
