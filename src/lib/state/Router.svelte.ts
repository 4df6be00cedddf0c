// Hash-based routing: works from any static host and from the service worker's cache offline.
import type { MessageKey } from '../i18n/catalogue';
import { SLUGS, screenOf, type Screen } from '../screen-chunks';

export { SCREENS, SLUGS, screenOf, type Screen } from '../screen-chunks';

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
