// Messages of the Démo screen.
export const fr = {
  'demo.title': 'Démo : cette phrase est-elle dissidente ?',
  'demo.intro':
    'Écrivez ou choisissez une réponse à « Que pensez-vous de l’organisation de l’État et des administrations en France ? ». Chaque phrase reçoit un verdict calculé sur votre appareil.',
  'demo.examples': 'Exemples de réponses',
  'demo.results': 'Verdicts par phrase',
  'demo.pending': 'Calcul des verdicts…',
  'demo.summary': '{n} {n|phrase dissidente|phrases dissidentes} sur {total}',
  'demo.pendingVerdict': 'Verdict en cours de calcul…',
  'demo.answer': 'Votre réponse',
  'demo.placeholder': 'Par exemple : Trop de paperasse. Les élus ne nous écoutent jamais !',
  'demo.clear': 'Effacer',
  'demo.empty': 'Les phrases et leurs verdicts s’afficheront ici.',
  'demo.dissident': 'Dissidente',
  'demo.notDissident': 'Non dissidente',
  'demo.probabilityOf': 'Probabilité que la phrase {n} soit dissidente',
  'demo.probability': 'Probabilité d’être dissidente : {p} (seuil {threshold})',
  'demo.byModel': 'Modèle : {name}',
  'demo.explain': 'Expliquer ce verdict',
  'demo.explainLabel': 'Expliquer ce verdict (phrase {n}) : mots surlignés dans Prédire',
  'demo.model.active':
    'Modèle actif, choisi dans Modèles : « {name} », entraîné sur {n} phrases (AUC en validation croisée : {auc}). Seuil de décision : {threshold}.',
  'demo.model.loading': 'Chargement du modèle…',
  'demo.model.training': 'Premier lancement : entraînement du modèle sur le corpus d’exemple… {phase} {done}/{total}',
  'demo.model.ready':
    'Modèle : TF-IDF + régression logistique, entraîné avec l’application sur {n} phrases du corpus d’exemple (AUC en validation croisée : {auc}). Les exemples proposés n’en font pas partie. Seuil de décision : {threshold}.',
  'demo.model.error': 'Le modèle n’a pas pu être préparé : {message}',
  'demo.caveat': 'Un modèle se trompe : ces verdicts sont des indications, pas des jugements.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'demo.title': 'Demo: is this sentence dissident?',
  'demo.intro':
    'Write or pick an answer to “What do you think of the organisation of the State and its administrations in France?”. Each sentence gets a verdict computed on your device.',
  'demo.examples': 'Example answers',
  'demo.results': 'Verdicts by sentence',
  'demo.pending': 'Computing the verdicts…',
  'demo.summary': '{n} {n|dissident sentence|dissident sentences} out of {total}',
  'demo.pendingVerdict': 'Verdict being computed…',
  'demo.answer': 'Your answer',
  'demo.placeholder': 'For example: Trop de paperasse. Les élus ne nous écoutent jamais !',
  'demo.clear': 'Clear',
  'demo.empty': 'Sentences and their verdicts will show here.',
  'demo.dissident': 'Dissident',
  'demo.notDissident': 'Not dissident',
  'demo.probabilityOf': 'Probability that sentence {n} is dissident',
  'demo.probability': 'Probability of being dissident: {p} (threshold {threshold})',
  'demo.byModel': 'Model: {name}',
  'demo.explain': 'Explain this verdict',
  'demo.explainLabel': 'Explain this verdict (sentence {n}): highlighted words in Predict',
  'demo.model.active':
    'Active model, chosen in Models: “{name}”, trained on {n} sentences (cross-validated AUC: {auc}). Decision threshold: {threshold}.',
  'demo.model.loading': 'Loading the model…',
  'demo.model.training': 'First run: training the model on the example corpus… {phase} {done}/{total}',
  'demo.model.ready':
    'Model: TF-IDF + logistic regression, trained with the app on {n} sentences of the example corpus (cross-validated AUC: {auc}). The examples offered are not among them. Decision threshold: {threshold}.',
  'demo.model.error': 'The model could not be prepared: {message}',
  'demo.caveat': 'A model makes mistakes: these verdicts are hints, not judgements.',
};
