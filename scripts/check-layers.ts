// Layer check run by `npm test`: components, routes and the app shell must not import lib/db (they go through lib/state).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
}

/** Folders and files (from the repository root) whose code is a screen: they reach data through lib/state only. */
export const SCREEN_PATHS = ['src/routes', 'src/lib/components', 'src/App.svelte'];
const FORBIDDEN = 'src/lib/db/';

// Static imports and re-exports (type-only ones too: a screen should not know the tables' shapes either), and import().
const IMPORT = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

/** The imports of one file (path relative to the root, with /) that reach into lib/db. */
export function violationsIn(file: string, text: string): Violation[] {
  const out: Violation[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('.')) continue;
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    if (`${target}/`.startsWith(FORBIDDEN)) {
      out.push({ file, line: text.slice(0, match.index).split('\n').length, specifier });
    }
  }
  return out;
}

function sourceFiles(root: string, path: string): string[] {
  const full = join(root, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => sourceFiles(root, posix.join(path, name)));
}

/** Every violation under the screen paths of a checkout. */
export function checkLayers(root: string): Violation[] {
  return SCREEN_PATHS.flatMap((path) => sourceFiles(root, path))
    .filter((file) => /\.(svelte|ts)$/.test(file))
    .flatMap((file) => violationsIn(file, readFileSync(join(root, file), 'utf8')));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = relative(process.cwd(), join(dirname(fileURLToPath(import.meta.url)), '..')).split(sep).join('/') || '.';
  const violations = checkLayers(root);
  for (const v of violations) {
    console.error(`${v.file}:${v.line} importe « ${v.specifier} » : un composant ou un écran passe par lib/state, jamais par lib/db.`);
  }
  console.log(violations.length === 0 ? 'Couches : aucun composant ni écran n’importe lib/db.' : `Couches : ${violations.length} import(s) interdit(s).`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}
