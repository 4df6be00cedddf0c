// Messages of data safety: storage full (coded worker errors), the backup reminder and its setting, storage in Réglages.
export const fr = {
  'error.storage.full':
    'Le stockage de ce navigateur est plein : l’opération est arrêtée et rien de ce qui était enregistré n’est perdu. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases, puis réessayez.',
  'error.storage.fullImport':
    'Le stockage de ce navigateur est plein : l’import est arrêté et ses lignes déjà écrites sont retirées ; les autres données sont intactes. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases dont vous n’avez plus besoin, puis relancez l’import.',
  'error.storage.fullScore':
    'Le stockage de ce navigateur est plein : l’évaluation du corpus est arrêtée ; les scores déjà enregistrés sont gardés et elle reprendra là où elle s’est arrêtée. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases, puis relancez.',
  'error.storage.fullEmbed':
    'Le stockage de ce navigateur est plein : le calcul des vecteurs de phrases est arrêté ; ceux déjà enregistrés sont gardés et il reprendra là où il s’est arrêté. Libérez de la place (Réglages montre l’espace utilisé) : supprimez un jeu de données, des scores ou des vecteurs de phrases, puis relancez.',
  'reliability.backupNever': 'Vos annotations n’ont encore jamais été sauvegardées dans un fichier.',
  'reliability.backupOld': 'Dernière sauvegarde il y a {days} {days|jour|jours}.',
  'reliability.backupNow': 'Sauvegarder maintenant',
  'reliability.backupLater': 'Plus tard',
  'reliability.backupSaved': 'Sauvegarde enregistrée : {name}.',
  'reliability.backupFailed': 'La sauvegarde a échoué : {message}',
  'reliability.backupTitle': 'Sauvegardes',
  'reliability.backupLast': 'Dernière sauvegarde : {date}.',
  'reliability.backupNone': 'Aucune sauvegarde faite sur cet appareil.',
  'reliability.reminderDays': 'Rappeler de sauvegarder après (jours ; 0 = jamais)',
  'reliability.reminderHelp': 'Un bandeau discret le propose quand la dernière sauvegarde est plus ancienne.',
  'reliability.storageFree':
    'Pour libérer de la place : supprimez un jeu de données dont vous n’avez plus besoin (Données), les scores d’un corpus (Prédire) ou ses vecteurs de phrases. Faites d’abord une sauvegarde.',
  'reliability.refresh': 'Actualiser',
  'reliability.persistAsked': 'Stockage persistant demandé.',
};

export const en: Record<keyof typeof fr, string> = {
  'error.storage.full':
    'This browser’s storage is full: the operation stopped and nothing already stored is lost. Free some room (Settings shows the space used): delete a dataset, scores or sentence vectors, then try again.',
  'error.storage.fullImport':
    'This browser’s storage is full: the import stopped and the rows it had written were removed; your other data is intact. Free some room (Settings shows the space used): delete a dataset, scores or sentence vectors you no longer need, then import again.',
  'error.storage.fullScore':
    'This browser’s storage is full: scoring the corpus stopped; the scores already stored are kept and it will resume where it stopped. Free some room (Settings shows the space used): delete a dataset, scores or sentence vectors, then start again.',
  'error.storage.fullEmbed':
    'This browser’s storage is full: computing sentence vectors stopped; those already stored are kept and it will resume where it stopped. Free some room (Settings shows the space used): delete a dataset, scores or sentence vectors, then start again.',
  'reliability.backupNever': 'Your annotations have never been saved to a backup file.',
  'reliability.backupOld': 'Last backup {days} {days|day|days} ago.',
  'reliability.backupNow': 'Back up now',
  'reliability.backupLater': 'Later',
  'reliability.backupSaved': 'Backup saved: {name}.',
  'reliability.backupFailed': 'The backup failed: {message}',
  'reliability.backupTitle': 'Backups',
  'reliability.backupLast': 'Last backup: {date}.',
  'reliability.backupNone': 'No backup made on this device.',
  'reliability.reminderDays': 'Remind me to back up after (days; 0 = never)',
  'reliability.reminderHelp': 'A quiet banner offers it when the last backup is older.',
  'reliability.storageFree':
    'To free some room: delete a dataset you no longer need (Data), a corpus’s scores (Predict) or its sentence vectors. Make a backup first.',
  'reliability.refresh': 'Refresh',
  'reliability.persistAsked': 'Persistent storage requested.',
};
