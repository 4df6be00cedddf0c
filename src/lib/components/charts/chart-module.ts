// Chart.js (about 170 kB) is fetched when a chart first mounts, not with the screens that show one: a screen's
// figures and tables draw at once and its canvases follow, instead of the whole screen waiting for the library.
import type { Chart } from 'chart.js';
import { afterPaint } from '../../after-paint';
import { onDemand } from '../../on-demand';

/** The Chart class, its parts registered; a failed download (offline, a stale build) is tried again next time. */
export const loadChart: () => Promise<typeof Chart> = onDemand(() => import('./chart-parts').then((module) => module.Chart));

/**
 * For a chart component's onMount: builds the chart with `create` once the screen has painted and Chart.js is there
 * (unless the component has gone meanwhile), and returns the cleanup that destroys it. If Chart.js cannot load, the
 * figure keeps its text.
 */
export function mountChart(create: (ChartClass: typeof Chart) => { destroy(): void } | undefined): () => void {
  let gone = false;
  let made: { destroy(): void } | undefined;
  // Not before the screen has painted once: running Chart.js (about 100 ms on a slow laptop) would hold back the
  // screen's own content, which is what its user came for.
  afterPaint()
    .then(() => (gone ? undefined : loadChart()))
    .then(
      (ChartClass) => {
        if (ChartClass && !gone) made = create(ChartClass);
      },
      () => undefined,
    );
  return () => {
    gone = true;
    made?.destroy();
  };
}
