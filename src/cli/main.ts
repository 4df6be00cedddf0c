// Node entry of the headless commands (see docs/architecture.md): `npm run cli -- <command> …`.
type Command = { run(argv: string[]): Promise<void> };

// Each command lives in commands/<name>.ts and is loaded only when called.
const COMMANDS: Record<string, () => Promise<Command>> = {
  sentences: () => import('./commands/sentences'),
  train: () => import('./commands/train'),
  evaluate: () => import('./commands/evaluate'),
  predict: () => import('./commands/predict'),
  agreement: () => import('./commands/agreement'),
  explain: () => import('./commands/explain'),
  score: () => import('./commands/score'),
  embed: () => import('./commands/embed'),
  check: () => import('./commands/check'),
};

const USAGE = `Usage : npm run cli -- <commande> [options] [--json]
Commandes : ${Object.keys(COMMANDS).join(', ') || '(aucune pour l’instant)'}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Commande inconnue : « ${name} ».\n${USAGE}\n`);
    return 2;
  }
  try {
    await (await load()).run(rest);
    return 0;
  } catch (error) {
    process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
