// Réglages' own models: a dropped (picked) folder is checked, kept with its size, embeds after a reload offline, and is
// deleted; broken folders are refused with their reason and nothing kept; the Hub is used only when allowed and says
// clearly when it cannot be reached (here it never can: its requests are cut, as on this closed network).
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_MODELS_DIR, TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { loadModelFolder } from '../../src/cli/model-folder';
import { formatBytes } from '../../src/lib/format';
import { TEST_SENTENCE } from '../../src/lib/workers/model/transformer-protocol';
import { AppShell } from './pages/AppShell';
import { ModelSources } from './pages/ModelSourcesPage';
import { LanguageModelPanel } from './pages/SettingsPage';

const TINY = join(FIXTURE_MODELS_DIR, TINY_ENCODER);
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx'];

async function nodeVector(): Promise<number[]> {
  const model = await loadModelFolder(TINY, { dtype: 'q8' });
  try {
    return Array.from((await model.embed([TEST_SENTENCE]))[0]!.subarray(0, 4));
  } finally {
    await model.dispose();
  }
}

/** A copy of the tiny model, changed by `edit`, in a folder named `name`. */
async function brokenCopy(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'broken-model-')), name);
  await cp(TINY, dir, { recursive: true });
  await edit(dir);
  return dir;
}

test('a picked model folder is kept with its size, embeds after a reload offline, and is deleted', async ({ page, context }) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  await shell.waitForServiceWorker();
  const sources = new ModelSources(page);
  const panel = new LanguageModelPanel(page);
  await sources.addFolder(TINY);
  await expect(page.getByTestId('um-added')).toHaveText('✓ Modèle « tiny-camembert » ajouté.');
  const bytes = (await Promise.all(FILES.map(async (f) => (await stat(join(TINY, f))).size))).reduce((a, b) => a + b, 0);
  await expect(sources.userModel(TINY_ENCODER).getByTestId('user-model-size')).toHaveText(formatBytes(bytes, 'fr'));
  await expect(sources.userModel(TINY_ENCODER)).toContainText('camembert, 32 d, dossier, q8 + fp32');

  // Listed with the build's models; chosen, the offline preparation only needs the runtime (the model is kept whole).
  await panel.choose(`user/${TINY_ENCODER}`, 'q8', 'wasm');
  const size = sources.offline.getByTestId('offline-size');
  await expect(size).toHaveText(/^À télécharger : [\d,]+ Mo, le moteur ONNX \(le modèle est déjà dans ce navigateur\)\.$/);
  await sources.prepareOffline();
  await expect(sources.offline).toContainText('Prêt pour l’usage hors ligne : le moteur et le modèle « tiny-camembert » (q8)');

  await shell.reloadOffline(context);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await expect(sources.userModel(TINY_ENCODER)).toBeVisible();
  await expect(panel.section.getByRole('combobox', { name: 'Modèle', exact: true })).toHaveValue(`user/${TINY_ENCODER}`);
  const browser = await panel.test();
  const node = await nodeVector();
  browser.forEach((v, i) => expect(v, `[${i}]`).toBeCloseTo(node[i]!, 4));
  await expect(panel.runtime).toHaveAttribute('data-backend', 'wasm');
  await context.setOffline(false);

  // A page opened straight on Modèles offers the kept folder for a transfer head, without a visit to Réglages first.
  await page.goto('/#/modeles');
  await page.reload();
  await expect(page.getByLabel('Type de modèle').locator('option', { hasText: `Transfert : user/${TINY_ENCODER}` })).toHaveCount(1);
  await page.goto('/#/reglages');

  await sources.deleteModel(TINY_ENCODER);
  await expect(sources.userModels).toHaveCount(0);
  await expect(sources.folders).toContainText('Aucun modèle ajouté pour l’instant.');
  await expect(panel.section.locator(`option[value="user/${TINY_ENCODER}"]`)).toHaveCount(0);
  const left = await page.evaluate(async () => (await (await caches.open('dissidentia-models')).keys()).filter((r) => r.url.includes('/models/user/')).length);
  expect(left).toBe(0);
});

test('broken folders are refused with what is wrong, and nothing is kept', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  const sources = new ModelSources(page);
  const noTokenizer = await brokenCopy('sans-tokenizer', (dir) => rm(join(dir, 'tokenizer.json')));
  await sources.addFolder(noTokenizer);
  await expect(sources.folderError).toHaveText('Dossier de modèle refusé : il manque tokenizer.json.');

  const gpt = await brokenCopy('gpt', async (dir) => {
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, model_type: 'gpt2' }));
  });
  await sources.addFolder(gpt);
  await expect(sources.folderError).toContainText('le type de modèle « gpt2 » n’est pas pris en charge (attendu : camembert, roberta, xlm-roberta, bert, distilbert)');

  // The graph's output name is read from the ONNX protobuf in the browser.
  const renamed = await brokenCopy('sortie-renommee', async (dir) => {
    const path = join(dir, 'onnx/model_quantized.onnx');
    const bytes = await readFile(path);
    await writeFile(path, Buffer.from(bytes.toString('latin1').replaceAll('last_hidden_state', 'pooled_output_xyz'), 'latin1'));
  });
  await sources.addFolder(renamed);
  await expect(sources.folderError).toContainText('onnx/model_quantized.onnx : le graphe ONNX ne donne pas « last_hidden_state » (sorties : pooled_output_xyz)');

  await expect(sources.userModels).toHaveCount(0);
  const kept = await page.evaluate(async () => (await (await caches.open('dissidentia-models')).keys()).filter((r) => r.url.includes('/models/user/')).length);
  expect(kept).toBe(0);
  for (const dir of [noTokenizer, gpt, renamed]) await rm(join(dir, '..'), { recursive: true });
});

test('the Hub is asked only when allowed and online, and an unreachable Hub is said plainly', async ({ page, context }) => {
  const hubRequests: string[] = [];
  // This machine has no route to the Hub; cutting its requests makes the test the same on one that has.
  await context.route('https://huggingface.co/**', (route) => {
    hubRequests.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  const sources = new ModelSources(page);
  const hub = sources.hub;
  await expect(hub.getByTestId('hub-status')).toHaveText(/ne contacte jamais le Hub d’elle-même/);
  await expect(hub.getByRole('button', { name: 'Voir la taille' })).toBeDisabled();

  await hub.getByRole('checkbox', { name: /Autoriser les téléchargements/ }).check();
  await hub.getByRole('textbox', { name: 'Identifiant du modèle' }).fill('almanach/camembert-base');
  await hub.getByRole('button', { name: 'Voir la taille' }).click();
  await expect(hub.getByTestId('hub-error')).toContainText('Impossible de joindre le Hub Hugging Face (https://huggingface.co)');
  await expect(hub.getByTestId('hub-error')).toContainText(': la connexion a échoué. Cet appareil n’a pas accès à Internet ou le réseau bloque le Hub.');
  expect(hubRequests).toEqual(['https://huggingface.co/api/models/almanach/camembert-base/tree/main?recursive=true']);

  await context.setOffline(true);
  await expect(hub.getByTestId('hub-status')).toHaveText('Hors ligne : le Hub ne peut pas être joint.');
  await expect(hub.getByRole('button', { name: 'Voir la taille' })).toBeDisabled();
  await context.setOffline(false);
  expect(hubRequests).toHaveLength(1);
});
