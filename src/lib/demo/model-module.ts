// The built-in demo model's module (trained at build time, about 600 kB of JSON): fetched once, by whichever asks first.
// The shell asks with the Démo's own chunk on a first visit, so the two downloads run side by side, not one after the other.
import type { BaselineModel } from '../core/ml/model';

let pending: Promise<BaselineModel> | undefined;

export function demoModelModule(): Promise<BaselineModel> {
  pending ??= import('virtual:demo-model').then(
    (module) => module.default,
    (error: unknown) => {
      // A failed download may succeed later (back online): the next caller tries again.
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
