// Layer checks run by `npm test`: components, routes and the app shell never import lib/db (they go through lib/state),
// and no code outside lib/db touches a table (repositories are the only door to them).
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

// A table or a transaction reached from a database object: `db.answers`, `getDb().models`, `db.transaction(`.
const TABLES = ['datasets', 'answers', 'annotators', 'annotations', 'guidelines', 'models', 'settings', 'embeddings', 'embeddingRuns', 'scores', 'scoreRuns', 'searchIndexes', 'searchTerms', 'transaction', 'table'];
const TABLE_ACCESS = new RegExp(`\\b(?:db|getDb\\(\\))\\s*\\.\\s*(?:${TABLES.join('|')})\\b`, 'g');

/** Table accesses in one file outside lib/db (tests, which set up their data, are not checked). */
export function tableAccessesIn(file: string, text: string): Violation[] {
  if (file.startsWith('src/lib/db/') || /\.test\.ts$/.test(file)) return [];
  return [...text.matchAll(TABLE_ACCESS)].map((match) => ({ file, line: text.slice(0, match.index).split('\n').length, specifier: match[0] }));
}

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

const isSource = (file: string) => /\.(svelte|ts)$/.test(file);

/** Every violation in a checkout: screens importing lib/db, then code outside lib/db touching tables. */
export function checkLayers(root: string): Violation[] {
  const screens = SCREEN_PATHS.flatMap((path) => sourceFiles(root, path))
    .filter(isSource)
    .flatMap((file) => violationsIn(file, readFileSync(join(root, file), 'utf8')));
  const tables = sourceFiles(root, 'src')
    .filter(isSource)
    .flatMap((file) => tableAccessesIn(file, readFileSync(join(root, file), 'utf8')));
  return [...screens, ...tables];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = relative(process.cwd(), join(dirname(fileURLToPath(import.meta.url)), '..')).split(sep).join('/') || '.';
  const violations = checkLayers(root);
  for (const v of violations) {
    const rule = v.specifier.startsWith('.') ? 'un composant ou un écran passe par lib/state, jamais par lib/db' : 'seuls les dépôts (lib/db/repos) touchent aux tables';
    console.error(`${v.file}:${v.line} « ${v.specifier} » : ${rule}.`);
  }
  console.log(violations.length === 0 ? 'Couches : aucun composant ni écran n’importe lib/db, aucune table touchée hors des dépôts.' : `Couches : ${violations.length} violation(s).`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}
