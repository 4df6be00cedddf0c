// Renders public/icons/icon.svg into the PNG icons the web manifest lists (run once after editing the SVG).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
// Maskable icons keep their content inside the central 80 % safe zone.
for (const { size, file, padding } of [
  { size: 192, file: 'icon-192.png', padding: 0 },
  { size: 512, file: 'icon-512.png', padding: 0 },
  { size: 512, file: 'icon-maskable-512.png', padding: 0.12 },
]) {
  await page.setViewportSize({ width: size, height: size });
  const inset = Math.round(size * padding);
  await page.setContent(
    `<body style="margin:0;background:#1d4e89;display:grid;place-items:center;width:${size}px;height:${size}px">
       <div style="width:${size - 2 * inset}px;height:${size - 2 * inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: padding === 0 });
}
await browser.close();
