// npm run models:fetch: against a local stand-in for the Hub (tree API + resolve URLs serving the tiny CamemBERT) it
// fills the folder; a repository without ONNX is refused; an unreachable Hub fails with a French message and exit 1.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { fetchModel } from '../../scripts/models-fetch';
import { diskFolderFiles } from '../../src/cli/folder-files';

const TINY = join(FIXTURE_MODELS_DIR, TINY_ENCODER);
let server: Server;
let endpoint = '';
let out = '';
const requested: string[] = [];

beforeAll(async () => {
  const files = await diskFolderFiles(TINY);
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requested.push(url);
    const tree = url.match(/^\/api\/models\/([^/]+\/[^/]+)\/tree\/main\?recursive=true$/);
    if (tree) {
      // `no-onnx/model` offers only the text files, as most Hub repositories do.
      const listed = tree[1] === 'no-onnx/model' ? files.filter((f) => !f.path.startsWith('onnx/')) : files;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify([{ type: 'directory', path: 'onnx' }, ...listed.map((f) => ({ type: 'file', path: f.path, size: f.size }))]));
      return;
    }
    const file = url.match(/^\/test\/tiny\/resolve\/main\/(.+)$/);
    if (file && existsSync(join(TINY, file[1]!))) {
      res.end(readFileSync(join(TINY, file[1]!)));
      return;
    }
    res.statusCode = 404;
    res.end('{"error":"Repository not found"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  out = await mkdtemp(join(tmpdir(), 'models-fetch-'));
});

afterAll(async () => {
  server.close();
  await rm(out, { recursive: true, force: true });
});

async function run(args: string[]): Promise<string> {
  process.env.HF_ENDPOINT = endpoint;
  try {
    return await fetchModel([...args, '--out', out], () => {});
  } finally {
    delete process.env.HF_ENDPOINT;
  }
}

describe('models:fetch', () => {
  it('downloads the files transformers.js needs into <out>/<owner__name>/, byte for byte', async () => {
    const target = await run(['test/tiny']);
    expect(target).toBe(join(out, 'test__tiny'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
      expect(readFileSync(join(target, f)).equals(readFileSync(join(TINY, f))), f).toBe(true);
    }
    // q8 by default: the fp32 graph is not downloaded.
    expect(existsSync(join(target, 'onnx/model.onnx'))).toBe(false);
    expect(requested).not.toContain('/test/tiny/resolve/main/onnx/model.onnx');
    const all = await run(['test/tiny', '--dtype', 'all', '--name', 'tiny-all']);
    expect(readdirSync(join(all, 'onnx')).sort()).toEqual(['model.onnx', 'model_quantized.onnx']);
  });

  it('refuses a repository without an ONNX export or one that does not exist, leaving nothing behind', async () => {
    await expect(run(['no-onnx/model'])).rejects.toThrow('Le dépôt no-onnx/model n’a pas de graphe ONNX (onnx/model_quantized.onnx)');
    await expect(run(['nobody/nothing'])).rejects.toThrow(/Modèle introuvable sur le Hub \(ou privé\)/);
    await expect(run(['pas un identifiant'])).rejects.toThrow(/Identifiant de modèle invalide/);
    expect(readdirSync(out).sort()).toEqual(['test__tiny', 'tiny-all']);
  });

  it('fails with a French message and exit code 1 when the Hub cannot be reached', async () => {
    const command = promisify(execFile)('npx', ['tsx', 'scripts/models-fetch.ts', 'almanach/camembert-base', '--out', out], {
      // Port 9 (discard) is closed here: the connection is refused as a closed network refuses the Hub.
      env: { ...process.env, HF_ENDPOINT: 'http://127.0.0.1:9' },
    });
    const failure = (await command.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; stderr?: string } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Impossible de joindre le Hub Hugging Face \(http:\/\/127\.0\.0\.1:9\) : .+Cet appareil n’a pas accès à Internet/);
    expect(existsSync(join(out, 'almanach__camembert-base'))).toBe(false);
  });
});
