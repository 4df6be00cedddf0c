// bench:demo — a first visit to the Démo on a phone-sized viewport (390×844, touch), production build: time from
// navigation to the first verdict drawn, with no stored model (fresh profile); also with the CPU slowed 4× (CDP), a
// mid-range phone's pace. Prints JSON.
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { startPreview } from './preview';

const PORT = Number(process.env.BENCH_PORT ?? 4188);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const preview = await startPreview(PORT, process.env.BENCH_OUT_DIR ?? '.cache/bench-demo-dist');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const firstVerdict = async (slowdown: number) => {
      // A new context is a first visit: empty IndexedDB, no service worker, nothing cached.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3, locale: 'fr-FR' });
      const page = await context.newPage();
      if (slowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      await page.goto(preview.base);
      await page.getByTestId('demo-sentence').first().getByTestId('verdict').waitFor({ timeout: 120_000 });
      // Milliseconds since the navigation started, read in the page once the verdict is there.
      const ms = await page.evaluate(() => performance.now());
      await context.close();
      return ms / 1000;
    };
    const plain: number[] = [];
    const slowed: number[] = [];
    for (let i = 0; i < RUNS; i++) plain.push(await firstVerdict(1));
    for (let i = 0; i < RUNS; i++) slowed.push(await firstVerdict(4));
    const round = (x: number) => Math.round(x * 100) / 100;
    console.log(
      JSON.stringify({
        browser: `Chromium ${browser.version()}`,
        viewport: '390×844, touch, DPR 3',
        runs: RUNS,
        firstVerdictSeconds: { median: round(median(plain)), all: plain.map(round) },
        firstVerdictSecondsCpu4x: { median: round(median(slowed)), all: slowed.map(round) },
        // The machine is shared: the load average tells how pessimistic the figures are.
        loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
        goal: 'first verdict < 1.5 s',
      }),
    );
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
