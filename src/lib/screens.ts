// The app's screens: their addresses and the route component behind each. No imports: the build's screen-preload
// plugin (scripts/screen-preload-plugin.ts) reads this table in Node, as the shell does in the browser.

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

/** Each screen's component under src/routes/ (its own chunk in the build). */
export const ROUTE_FILES: Record<Screen, string> = {
  demo: 'Demo.svelte',
  data: 'Data.svelte',
  annotate: 'Annotate.svelte',
  agreement: 'Agreement.svelte',
  models: 'Models.svelte',
  predict: 'Predict.svelte',
  settings: 'Settings.svelte',
  about: 'About.svelte',
};

/** The slug an address names: what follows `#/`, up to a sub-path or a query. */
export function slugOf(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/** The screen an address shows; an unknown one shows the Démo. */
export function screenOf(hash: string): Screen {
  const slug = slugOf(hash);
  return SCREENS.find((s) => SLUGS[s] === slug) ?? 'demo';
}
