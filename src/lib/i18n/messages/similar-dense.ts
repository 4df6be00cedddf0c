// Messages of the similar tab's second method: similarity by meaning over a dataset's stored sentence vectors.
export const fr = {
  'similarDense.method': 'Méthode',
  'similarDense.tfidf': 'mots (TF-IDF)',
  'similarDense.dense': 'sens (vecteurs) — {name}',
  'similarDense.coverage': 'Par le sens : {done} {done|phrase vectorisée|phrases vectorisées} sur {total} avec {name} ; les autres n’y sont pas encore.',
  'similarDense.embedding': 'Calcul du vecteur du texte…',
  'similarDense.notEmbedded': 'Cette phrase n’a pas encore de vecteur avec ce modèle : calculez les vecteurs du jeu de données (Modèles) ou choisissez « mots (TF-IDF) ».',
  'similarDense.failed': 'Le vecteur du texte n’a pas pu être calculé : {message}',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'similarDense.method': 'Method',
  'similarDense.tfidf': 'words (TF-IDF)',
  'similarDense.dense': 'meaning (vectors) — {name}',
  'similarDense.coverage': 'By meaning: {done} {done|sentence|sentences} embedded out of {total} with {name}; the others are not included yet.',
  'similarDense.embedding': 'Computing the text’s vector…',
  'similarDense.notEmbedded': 'This sentence has no vector with this model yet: compute the dataset’s vectors (Models) or choose “words (TF-IDF)”.',
  'similarDense.failed': 'The text’s vector could not be computed: {message}',
};
