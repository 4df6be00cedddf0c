// Messages of the Démo screen.
export const fr = {
  'demo.title': 'Démo : cette phrase est-elle dissidente ?',
  'demo.intro':
    'Écrivez ou choisissez une réponse à la question « Que pensez-vous de l’organisation de l’État et des administrations en France ? ». Elle est découpée en phrases, et chaque phrase reçoit un verdict du modèle, calculé sur votre appareil.',
  'demo.examples': 'Exemples de réponses',
  'demo.example': 'Exemple {n}',
  'demo.answer': 'Votre réponse',
  'demo.placeholder': 'Par exemple : Trop de paperasse. Les élus ne nous écoutent jamais !',
  'demo.clear': 'Effacer',
  'demo.empty': 'Les phrases et leurs verdicts s’afficheront ici.',
  'demo.dissident': 'Dissidente',
  'demo.notDissident': 'Non dissidente',
  'demo.probabilityOf': 'Probabilité que la phrase {n} soit dissidente',
  'demo.probability': 'Probabilité d’être dissidente : {p} (seuil {threshold})',
  'demo.byModel': 'Modèle : {name}',
  'demo.model.active':
    'Modèle actif, choisi dans Modèles : « {name} », entraîné sur {n} phrases (AUC en validation croisée : {auc}). Seuil de décision : {threshold}.',
  'demo.model.loading': 'Chargement du modèle…',
  'demo.model.training': 'Premier lancement : entraînement du modèle sur le corpus d’exemple… {phase} {done}/{total}',
  'demo.model.ready':
    'Modèle : TF-IDF + régression logistique, entraîné dans ce navigateur sur {n} phrases du corpus d’exemple (AUC en validation croisée : {auc}). Les exemples proposés n’en font pas partie. Seuil de décision : {threshold}.',
  'demo.model.error': 'Le modèle n’a pas pu être préparé : {message}',
  'demo.caveat': 'Un modèle se trompe : ces verdicts sont des indications, pas des jugements.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'demo.title': 'Demo: is this sentence dissident?',
  'demo.intro':
    'Write or pick an answer to the question “What do you think of the organisation of the State and its administrations in France?”. It is split into sentences, and each sentence gets the model’s verdict, computed on your device.',
  'demo.examples': 'Example answers',
  'demo.example': 'Example {n}',
  'demo.answer': 'Your answer',
  'demo.placeholder': 'For example: Trop de paperasse. Les élus ne nous écoutent jamais !',
  'demo.clear': 'Clear',
  'demo.empty': 'Sentences and their verdicts will show here.',
  'demo.dissident': 'Dissident',
  'demo.notDissident': 'Not dissident',
  'demo.probabilityOf': 'Probability that sentence {n} is dissident',
  'demo.probability': 'Probability of being dissident: {p} (threshold {threshold})',
  'demo.byModel': 'Model: {name}',
  'demo.model.active':
    'Active model, chosen in Models: “{name}”, trained on {n} sentences (cross-validated AUC: {auc}). Decision threshold: {threshold}.',
  'demo.model.loading': 'Loading the model…',
  'demo.model.training': 'First run: training the model on the example corpus… {phase} {done}/{total}',
  'demo.model.ready':
    'Model: TF-IDF + logistic regression, trained in this browser on {n} sentences of the example corpus (cross-validated AUC: {auc}). The examples offered are not among them. Decision threshold: {threshold}.',
  'demo.model.error': 'The model could not be prepared: {message}',
  'demo.caveat': 'A model makes mistakes: these verdicts are hints, not judgements.',
};
