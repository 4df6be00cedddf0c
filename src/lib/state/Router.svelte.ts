// Hash-based routing: works from any static host and from the service worker's cache offline.
import type { MessageKey } from '../i18n/catalogue';

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

export const NAV_KEYS: Record<Screen, MessageKey> = {
  demo: 'nav.demo',
  data: 'nav.data',
  annotate: 'nav.annotate',
  agreement: 'nav.agreement',
  models: 'nav.models',
  predict: 'nav.predict',
  settings: 'nav.settings',
  about: 'nav.about',
};

export function hrefOf(screen: Screen): string {
  return `#/${SLUGS[screen]}`;
}

export function screenOf(hash: string): Screen {
  const slug = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return SCREENS.find((s) => SLUGS[s] === slug) ?? 'demo';
}

class Router {
  #screen = $state<Screen>(screenOf(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      this.#screen = screenOf(location.hash);
    });
  }

  get screen(): Screen {
    return this.#screen;
  }
}

export const router = new Router();
