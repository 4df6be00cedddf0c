// From a Démo verdict to its explanation: Prédire's address carrying the sentence and the model that judged it (in
// the address, so a reload or a shared link opens the same explanation), and Prédire's reading of it.

const PREDICT = '#/predire';

export interface ExplainRequest {
  text: string;
  /** The ModelChoice key of the model that gave the verdict; absent: Prédire's own choice. */
  model?: string;
}

/** The address that opens Prédire on `text`, judged and explained by the model under `model`. */
export function explainHref(text: string, model?: string): string {
  const params = new URLSearchParams({ texte: text });
  if (model) params.set('modele', model);
  return `${PREDICT}?${params.toString()}`;
}

/** The sentence and model an address asks Prédire to explain, if it asks for one. */
export function readExplainRequest(hash: string): ExplainRequest | undefined {
  if (!hash.startsWith(`${PREDICT}?`)) return undefined;
  const params = new URLSearchParams(hash.slice(PREDICT.length + 1));
  const text = params.get('texte');
  if (!text?.trim()) return undefined;
  const model = params.get('modele') || undefined;
  return model ? { text, model } : { text };
}
