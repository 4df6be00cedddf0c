// The app's screens' code, one chunk each, fetched once by whoever asks first. In a build, the current screen's chunk
// is already on its way before the shell starts: index.html asks for it (scripts/screen-preload-plugin.ts).
import type { Component } from 'svelte';
import { demoModelModule } from './demo/model-module';
import type { Screen } from './screens';

export { SCREENS, SLUGS, screenOf, type Screen } from './screens';

type ScreenModule = { default: Component };

const loaders: Record<Screen, () => Promise<ScreenModule>> = {
  demo: () => {
    // The Démo's first verdict needs its model: both downloads start now rather than one after the other.
    demoModelModule().catch(() => undefined);
    return import('../routes/Demo.svelte');
  },
  data: () => import('../routes/Data.svelte'),
  annotate: () => import('../routes/Annotate.svelte'),
  agreement: () => import('../routes/Agreement.svelte'),
  models: () => import('../routes/Models.svelte'),
  predict: () => import('../routes/Predict.svelte'),
  settings: () => import('../routes/Settings.svelte'),
  about: () => import('../routes/About.svelte'),
};

const loading = new Map<Screen, Promise<ScreenModule>>();

/** A screen's module; a failed download (offline, a stale build) is tried again on the next call. */
export function loadScreen(screen: Screen): Promise<ScreenModule> {
  let pending = loading.get(screen);
  if (!pending) {
    pending = loaders[screen]();
    loading.set(screen, pending);
    pending.catch(() => loading.delete(screen));
  }
  return pending;
}
