// Tests: the built-in demo model is reproducible (the build trains it the same way every time), its module carries it
// exactly, and it tells the corpus's clear cases apart.
import { describe, expect, it } from 'vitest';
import { predictProba, serialiseModel } from '../core/ml/model';
import { featuredAnswers } from './corpus';
import { demoModelModuleSource, trainDemoModel } from './model';

describe('built-in demo model', () => {
  it('trains to the same model every time, and its module source parses back to it', async () => {
    const [a, b] = [await trainDemoModel(), await trainDemoModel()];
    expect(serialiseModel(b)).toBe(serialiseModel(a));
    const source = demoModelModuleSource(a);
    const json = /^export default JSON\.parse\((.*)\);\n$/s.exec(source)?.[1];
    expect(JSON.parse(JSON.parse(json!) as string)).toEqual(JSON.parse(serialiseModel(a)));
    expect(demoModelModuleSource(b)).toBe(source);
  });

  it('was trained with the fixed options and ranks an insult above thanks', async () => {
    const model = await trainDemoModel();
    expect(model.learningCurve ?? null).toBeNull();
    const [insult, thanks] = predictProba(model, ['Tous des pourris, démission !', 'Je remercie les agents de la mairie pour leur accueil chaleureux.']);
    expect(insult!).toBeGreaterThan(model.threshold);
    expect(thanks!).toBeLessThan(model.threshold);
    // Featured answers are the demo's unseen examples: none of their sentences was trained on.
    expect(featuredAnswers().length).toBeGreaterThan(0);
  });
});
