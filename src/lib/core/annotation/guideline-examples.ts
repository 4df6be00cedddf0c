// Sentences proposed from adjudication as examples for the guideline's next version, and the Markdown they become.

export interface ProposedExample {
  sentenceId: number;
  text: string;
  /** Each annotator's label, as given. */
  labels: { annotator: string; label: string }[];
  /** The reference label chosen, if one was. */
  gold?: string;
}

/** Adds or replaces (same sentence) an example, keeping the order in which they were first proposed. */
export function withExample(list: readonly ProposedExample[], example: ProposedExample): ProposedExample[] {
  const at = list.findIndex((e) => e.sentenceId === example.sentenceId);
  return at < 0 ? [...list, example] : list.map((e, i) => (i === at ? example : e));
}

/** A Markdown section listing the examples, to append to the guideline being edited (French, as the guideline). */
export function examplesMarkdown(examples: readonly ProposedExample[]): string {
  const items = examples.map((e) => {
    const who = e.labels.map((l) => `${l.annotator} : ${l.label}`).join(' ; ');
    const verdict = e.gold ? ` Référence retenue : **${e.gold}**.` : ' Pas encore de référence.';
    return `- « ${e.text.replace(/\s+/g, ' ').trim()} » — ${who}.${verdict}`;
  });
  return `\n\n## Exemples discutés (désaccords d’annotation)\n\n${items.join('\n')}\n`;
}
