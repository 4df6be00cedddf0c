// npm run screens -- --base URL [--out DIR] [--file CSV]: a screenshot of every screen at phone (390 px) and laptop
// (1280 px) widths, after importing a real-layout file and creating an annotator, as a new user meets them. Used to
// look at the app before and after a change (run it against two builds); prints one JSON line listing the files.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4173' },
    out: { type: 'string', default: '.cache/screens/now' },
    file: { type: 'string', default: '.cache/gd20k.csv' },
    settle: { type: 'string', default: '2500' },
  },
});
const base = values.base!;
const out = values.out!;
const settleMs = Number(values.settle);
const ROUTES = ['', 'donnees', 'annoter', 'accord', 'modeles', 'predire', 'predire/corpus', 'reglages', 'a-propos'];
const PART_HEIGHT = 1400;
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
];

async function importFile(page: Page, file: string): Promise<void> {
  await page.goto(`${base}/#/donnees`);
  await page.getByTestId('csv-input').last().setInputFiles(file);
  await page.getByTestId('import-config').getByRole('button', { name: /^Importer/ }).click();
  await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
}

/** The welcome form of Annoter, when this build has one: a profile makes the queue appear. */
async function createAnnotator(page: Page): Promise<void> {
  await page.goto(`${base}/#/annoter`);
  const name = page.getByLabel('Nom', { exact: true }).first();
  if (await name.isVisible({ timeout: 5_000 }).catch(() => false)) {
    await name.fill('Camille');
    await name.press('Enter');
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const files: string[] = [];
  try {
    const page = await browser.newPage({ viewport: WIDTHS[1]!, locale: 'fr-FR' });
    await importFile(page, values.file!);
    await createAnnotator(page);
    for (const route of ROUTES) {
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        await page.goto(`${base}/#/${route}`);
        await page.waitForTimeout(settleMs);
        // Long pages are cut into parts a reviewer's image viewer shows at full size (name-1.png, name-2.png…).
        const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
        const parts = Math.max(1, Math.ceil(height / PART_HEIGHT));
        for (let part = 0; part < parts; part++) {
          const path = join(out, `${route.replace('/', '-') || 'demo'}-${size.name}${parts > 1 ? `-${part + 1}` : ''}.png`);
          const y = part * PART_HEIGHT;
          await page.screenshot({ path, fullPage: true, clip: { x: 0, y, width: size.width, height: Math.min(PART_HEIGHT, height - y) } });
          files.push(path);
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ base, files }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
