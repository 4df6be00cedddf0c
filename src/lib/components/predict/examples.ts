// Example answers of the Prédire screen, each named by its content: the test example and the demo corpus's
// featured answers (team-written, never in the demo model's training set).
import { featuredAnswers } from '../../demo/corpus';
import type { MessageKey } from '../../i18n/catalogue';

export interface PredictExample {
  id: string;
  name: MessageKey;
  text: string;
}

export function predictExamples(): PredictExample[] {
  const featured = featuredAnswers().map((a) => ({ id: a.id, name: `predict.example.${a.id}` as MessageKey, text: a.text }));
  return [{ id: 'organisation', name: 'predict.example.organisation', text: 'Organisation nulle. Je suggère de simplifier ce fonctionnement.' }, ...featured];
}

/** The presentation's curated sequence: the corpus's featured answers, vehement to measured, then the test example. */
export function presentationExamples(): PredictExample[] {
  const [organisation, ...featured] = predictExamples();
  return [...featured, organisation!];
}
