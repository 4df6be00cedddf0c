// The built-in demo model: the embedded corpus trained with the Démo's fixed hyperparameters by the core code. It is
// trained at build time (scripts/demo-model-plugin.ts) and shipped as a module, so a first visit does not train it.
import { serialiseModel, trainBaseline, type BaselineModel, type TrainOptionsInput } from '../core/ml/model';
import { demoTrainingSet } from './corpus';

/**
 * Fixed hyperparameters (the defaults the full search usually picks on this corpus) and no learning curve; Modèles runs
 * the full search. The same options the page used when it trained the demo model itself.
 */
export const DEMO_TRAIN_OPTIONS: TrainOptionsInput = { search: 'none', learningCurve: null };

export async function trainDemoModel(): Promise<BaselineModel> {
  const { texts, labels } = demoTrainingSet();
  const model = await trainBaseline(texts, labels, DEMO_TRAIN_OPTIONS);
  // The build machine's training time means nothing to a visitor, and would make every build's module (and its
  // precache entry) differ; everything else is deterministic.
  return { ...model, trainSeconds: 0 };
}

/** The ES module text that carries a model: one JSON string parsed at load (faster than an object literal). */
export function demoModelModuleSource(model: BaselineModel): string {
  return `export default JSON.parse(${JSON.stringify(serialiseModel(model))});\n`;
}
