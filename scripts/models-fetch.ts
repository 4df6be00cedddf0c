// npm run models:fetch -- <owner/name> [--dtype q8|fp32|all] [--name FOLDER] [--out DIR]: downloads a Hub model's
// transformers.js files into public/models/<name>/ (checked like a dropped folder before it replaces anything);
// HF_ENDPOINT points at a mirror. Where the Hub cannot be reached it says so in French and exits 1.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { diskFolderFiles } from '../src/cli/folder-files';
import { HUB_ENDPOINT, checkHubId, hubFileUrl, hubFolderName, hubTreeUrl, hubUnreachable, pickHubFiles, readHubTree } from '../src/lib/core/ml/transformer/hub-files';
import { checkModelFolder } from '../src/lib/core/ml/transformer/model-folder-check';

const USAGE = 'Usage : npm run models:fetch -- <propriétaire/nom> [--dtype q8|fp32|all] [--name DOSSIER] [--out DOSSIER_PARENT]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function get(endpoint: string, url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw hubUnreachable(endpoint, error);
  }
  if (response.status === 401 || response.status === 404) throw new Error(`Modèle introuvable sur le Hub (ou privé) : ${url} (HTTP ${response.status}).`);
  if (!response.ok) throw new Error(`Le Hub a répondu HTTP ${response.status} pour ${url}.`);
  return response;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} Mio`;

export async function fetchModel(args: string[], log: (line: string) => void): Promise<string> {
  const id = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!id) throw new Error(USAGE);
  checkHubId(id);
  const dtype = (option(args, '--dtype') ?? 'q8') as 'q8' | 'fp32' | 'all';
  if (!['q8', 'fp32', 'all'].includes(dtype)) throw new Error(`Précision inconnue : ${dtype} (q8, fp32 ou all).\n${USAGE}`);
  const endpoint = process.env.HF_ENDPOINT ?? HUB_ENDPOINT;
  const name = option(args, '--name') ?? hubFolderName(id);
  const target = resolve(option(args, '--out') ?? 'public/models', name);

  const tree = readHubTree(await (await get(endpoint, hubTreeUrl(endpoint, id))).json());
  const files = pickHubFiles(id, tree, dtype);
  const total = files.reduce((s, f) => s + f.size, 0);
  log(`${id} : ${files.length} fichiers, ${mib(total)} à télécharger vers ${target}`);
  // Downloaded beside the target, checked, then moved in: a failure leaves the previous folder as it was.
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(partial, file.path);
      await mkdir(dirname(path), { recursive: true });
      const response = await get(endpoint, hubFileUrl(endpoint, id, file.path));
      if (!response.body) throw new Error(`Réponse vide pour ${file.path}.`);
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(path));
      log(`  ${file.path} (${mib(file.size)})`);
    }
    await checkModelFolder(await diskFolderFiles(partial));
    if (existsSync(target)) await rm(target, { recursive: true });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'models-fetch.ts')) {
  fetchModel(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`))
    .then((target) => process.stdout.write(`Modèle prêt : ${target}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      if ((error as { code?: string }).code === 'usermodels/hubUnreachable') {
        process.stderr.write('Sur un poste qui a accès au Hub, lancez la même commande puis copiez le dossier dans public/models/ ici, ou déposez-le dans Réglages.\n');
      }
      process.exit(1);
    });
}
