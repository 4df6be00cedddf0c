// The app's screens by address and their code, one chunk each. A chunk is fetched once, by whoever asks first: the
// entry asks for the current screen's before the shell's own modules run (src/preload-screen.ts), so its download
// overlaps their start instead of following it. No Svelte here: this module runs first of all.
import type { Component } from 'svelte';
import { demoModelModule } from './demo/model-module';

export const SCREENS = ['demo', 'data', 'annotate', 'agreement', 'models', 'predict', 'settings', 'about'] as const;
export type Screen = (typeof SCREENS)[number];

/** URL slug (French, as users see it) of each screen. */
export const SLUGS: Record<Screen, string> = {
  demo: '',
  data: 'donnees',
  annotate: 'annoter',
  agreement: 'accord',
  models: 'modeles',
  predict: 'predire',
  settings: 'reglages',
  about: 'a-propos',
};

export function screenOf(hash: string): Screen {
  const slug = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return SCREENS.find((s) => SLUGS[s] === slug) ?? 'demo';
}

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
