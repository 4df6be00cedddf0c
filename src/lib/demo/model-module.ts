// The built-in demo model's module (trained at build time, about 600 kB of JSON): fetched once, by whichever asks first.
// The shell asks with the Démo's own chunk on a first visit, so the two downloads run side by side, not one after the other.
import type { BaselineModel } from '../core/ml/model';
import { onDemand } from '../on-demand';

export const demoModelModule: () => Promise<BaselineModel> = onDemand(() => import('virtual:demo-model').then((module) => module.default));
