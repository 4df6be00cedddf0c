// Takes screenshots of every screen at phone and laptop widths (French), for review and the README.
// Usage: npx tsx scripts/screenshots.ts [baseURL] [outDir]   (serve the app first, e.g. npm start)
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = process.argv[3] ?? '.cache/screenshots';
mkdirSync(out, { recursive: true });

const SCREENS = ['', 'donnees', 'annoter', 'accord', 'modeles', 'predire', 'reglages', 'a-propos'];
const SIZES = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [size, viewport] of Object.entries(SIZES)) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', colorScheme: process.env.DARK ? 'dark' : 'light' });
  const page = await context.newPage();
  for (const slug of SCREENS) {
    await page.goto(`${base}/#/${slug}`);
    await page.locator('main h1').first().waitFor();
    if (slug === '') await page.locator('[data-testid="model-status"][data-status="ready"]').waitFor({ timeout: 60_000 }).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/${slug || 'demo'}-${size}.png`, fullPage: true });
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
