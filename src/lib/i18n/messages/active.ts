// Messages of active learning: the « plus utiles d'abord » queue in Annoter and its retraining.
export const fr = {
  'active.mode': 'Plus utiles d’abord',
  'active.title': 'Apprentissage actif',
  'active.explain': 'Un modèle réentraîné sur vos étiquettes propose d’abord les phrases dont il est le moins sûr (probabilité proche du seuil), sans répéter une même phrase ni ses quasi-copies.',
  'active.every': 'Réentraîner toutes les',
  'active.everyUnit': 'étiquettes',
  'active.everyInvalid': 'Indiquez un nombre entier entre 1 et 10 000.',
  'active.retrainNow': 'Réentraîner maintenant',
  'active.training': 'Réentraînement du modèle…',
  'active.ready': 'Modèle n° {generation} entraîné sur {n} étiquettes ({positives} dissidentes) en {seconds} s ; file réordonnée après la phrase en cours.',
  'active.next': 'Prochain réentraînement dans {n} {n|étiquette|étiquettes}.',
  'active.waiting': 'Il faut au moins {min} phrases de chaque classe pour entraîner (actuellement {positives} dissidentes, {negatives} non dissidentes) : ordre aléatoire en attendant.',
  'active.failed': 'Le réentraînement a échoué : {message}. La file garde son ordre.',
  'active.probability': 'Probabilité du modèle pour cette phrase : {p} (seuil {threshold})',
  'active.notScored': 'Phrase pas encore notée par le modèle.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'active.mode': 'Most useful first',
  'active.title': 'Active learning',
  'active.explain': 'A model retrained on your labels puts first the sentences it is least sure of (probability near the threshold), without repeating a sentence or its near-copies.',
  'active.every': 'Retrain every',
  'active.everyUnit': 'labels',
  'active.everyInvalid': 'Enter a whole number from 1 to 10,000.',
  'active.retrainNow': 'Retrain now',
  'active.training': 'Retraining the model…',
  'active.ready': 'Model no. {generation} trained on {n} labels ({positives} dissident) in {seconds} s; queue reordered after the current sentence.',
  'active.next': 'Next retrain in {n} {n|label|labels}.',
  'active.waiting': 'Training needs at least {min} sentences of each class (now {positives} dissident, {negatives} not dissident): random order meanwhile.',
  'active.failed': 'Retraining failed: {message}. The queue keeps its order.',
  'active.probability': 'Model probability for this sentence: {p} (threshold {threshold})',
  'active.notScored': 'Sentence not scored by the model yet.',
} as const;
