// Messages of the À propos screen: what the app does and does not do, privacy, licences.
export const fr = {
  'about.what.title': 'Ce que fait l’application',
  'about.what.body':
    'Dissidentia repère, dans les réponses au Grand Débat National de 2019 sur l’organisation de l’État et des administrations, les phrases qui expriment un mécontentement véhément envers l’action publique (« phrases dissidentes »). Elle permet d’importer des réponses (CSV), de les découper en phrases, de les annoter à plusieurs, de mesurer l’accord entre annotateurs, d’entraîner des modèles et d’expliquer leurs prédictions.',
  'about.not.title': 'Ce qu’elle ne fait pas',
  'about.not.body':
    'Elle ne juge ni les personnes ni la légitimité d’une opinion : un modèle statistique se trompe, et ses verdicts sont des indications à vérifier. Le corpus de démonstration est fictif, écrit par l’équipe ; il ne représente pas l’opinion des participants au Grand Débat.',
  'about.privacy.title': 'Confidentialité',
  'about.privacy.body':
    'Tout se passe sur votre appareil. Les fichiers importés, les annotations et les modèles sont stockés dans ce navigateur (IndexedDB) et ne sont jamais envoyés sur un réseau. Aucune mesure d’audience, aucun cookie, aucun traceur. Effacer les données du site dans le navigateur supprime tout.',
  'about.licences.title': 'Licences',
  'about.licences.code': 'Code de Dissidentia : MIT.',
  'about.licences.deps': 'Bibliothèques embarquées :',
  'about.licences.data': 'Données et modèles :',
  'about.licences.demo': 'Corpus de démonstration : textes fictifs écrits par l’équipe, CC0 1.0.',
  'about.licences.gdn':
    'Réponses du Grand Débat National que vous importez : données ouvertes publiées sous Licence Ouverte / Open Licence 2.0 (Etalab).',
  'about.licences.baseline': 'Modèles TF-IDF + régression logistique : le modèle de démonstration intégré est entraîné avec l’application sur le corpus de démonstration ; les vôtres sont entraînés dans votre navigateur, sur vos étiquettes. Aucun poids téléchargé.',
  'about.licences.camembert':
    'CamemBERT (camembert-base) et son tokeniseur, quand ils sont chargés : licence MIT (Martin et al., 2020).',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'about.what.title': 'What the app does',
  'about.what.body':
    'Dissidentia spots, in answers to the 2019 French Grand Débat National about the organisation of the State and its administrations, the sentences that express vehement dissatisfaction with public action (“dissident sentences”). It imports answers (CSV), splits them into sentences, lets several people label them, measures inter-annotator agreement, trains models and explains their predictions.',
  'about.not.title': 'What it does not do',
  'about.not.body':
    'It does not judge people or whether an opinion is legitimate: a statistical model makes mistakes, and its verdicts are hints to be checked. The demo corpus is fictitious, written by the team; it does not represent the opinions of the Grand Débat’s participants.',
  'about.privacy.title': 'Privacy',
  'about.privacy.body':
    'Everything happens on your device. Imported files, annotations and models are stored in this browser (IndexedDB) and never sent over a network. No analytics, no cookies, no trackers. Clearing the site’s data in the browser removes everything.',
  'about.licences.title': 'Licences',
  'about.licences.code': 'Dissidentia’s code: MIT.',
  'about.licences.deps': 'Bundled libraries:',
  'about.licences.data': 'Data and models:',
  'about.licences.demo': 'Demo corpus: fictitious texts written by the team, CC0 1.0.',
  'about.licences.gdn': 'Grand Débat National answers you import: open data under the Licence Ouverte / Open Licence 2.0 (Etalab).',
  'about.licences.baseline': 'TF-IDF + logistic regression models: the built-in demo model is trained with the app on the demo corpus; yours are trained in your browser, on your labels. No downloaded weights.',
  'about.licences.camembert': 'CamemBERT (camembert-base) and its tokenizer, when loaded: MIT licence (Martin et al., 2020).',
};
