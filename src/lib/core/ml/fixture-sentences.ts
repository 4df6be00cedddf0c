// Team-written labelled French sentences (fictitious) for the classifier's behaviour tests; 1 = dissident.

export const DISSIDENT_SENTENCES = [
  'Ce sont tous des voyous qui doivent partir !',
  'Ce gouvernement est une honte, il méprise le peuple.',
  'Les élus se gavent pendant que nous payons, c’est scandaleux !',
  'L’État nous vole avec ses taxes absurdes, ras-le-bol !',
  'Cette administration est incompétente et arrogante.',
  'Les ministres sont des menteurs qui se moquent de nous.',
  'Assez de ce racket fiscal, le peuple en a marre !',
  'La bureaucratie est un cauchemar inutile et honteux.',
  'Nos dirigeants sont corrompus jusqu’à la moelle.',
  'Ils dilapident l’argent public, c’est une gabegie scandaleuse !',
  'Les technocrates de Paris sont complètement déconnectés et méprisants.',
  'On en a marre de ces privilégiés qui ne servent à rien !',
  'Ce système est pourri, il faut tout balayer !',
  'Honte à ces élus qui profitent du pays sans vergogne.',
  'Les fonctionnaires des impôts sont des incapables arrogants.',
  'Le Sénat est une bande de parasites inutiles, supprimez-le !',
  'Ce président est un dictateur qui méprise les Français.',
  'L’administration est nulle, lente et totalement incompétente.',
  'Dégagez tous, vous êtes des voleurs !',
  'C’est un scandale, l’État abandonne les campagnes avec mépris.',
  'Quelle honte, nos impôts financent les privilèges de cette caste !',
  'Les politiciens sont tous corrompus et menteurs.',
  'Stop au gaspillage honteux de l’argent des contribuables !',
  'Cette réforme est une trahison scandaleuse du peuple.',
  'Ils nous prennent pour des imbéciles, c’est insupportable !',
] as const;

export const NON_DISSIDENT_SENTENCES = [
  'Je remercie le personnel de la médiathèque pour sa gentillesse.',
  'Il faudrait simplifier les formulaires en ligne.',
  'Les services publics de proximité sont importants pour les villages.',
  'Je propose de regrouper certaines communes pour mutualiser les moyens.',
  'La préfecture a traité mon dossier rapidement.',
  'Il serait utile de former davantage les agents au numérique.',
  'Les horaires d’ouverture pourraient être élargis le samedi.',
  'Je suis satisfait du service rendu par la caisse d’allocations.',
  'Une meilleure coordination entre les administrations serait souhaitable.',
  'Le département pourrait gérer davantage de compétences.',
  'Les agents de l’hôpital font un travail remarquable.',
  'Il faut maintenir les bureaux de poste dans les petites villes.',
  'Je souhaite que les démarches soient accessibles aux personnes âgées.',
  'La décentralisation mérite d’être poursuivie avec méthode.',
  'Les maisons France services sont une bonne initiative.',
  'On pourrait évaluer chaque année l’efficacité des politiques publiques.',
  'Mon centre des impôts m’a bien conseillé pour ma déclaration.',
  'Il serait bon de réduire le nombre d’échelons administratifs.',
  'Les enseignants ont besoin de plus de moyens pour leurs classes.',
  'Je trouve que le site des impôts fonctionne bien.',
  'Une consultation régulière des citoyens serait une bonne chose.',
  'Le regroupement des régions devrait être évalué sereinement.',
  'Les agents de la sécurité sociale sont aimables et disponibles.',
  'Il faudrait mieux informer les usagers sur leurs droits.',
  'Merci aux pompiers et aux gendarmes pour leur dévouement.',
] as const;

/** Texts and labels interleaved (dissident, then non-dissident, and so on). */
export function fixtureSet(): { texts: string[]; labels: (0 | 1)[] } {
  const texts: string[] = [];
  const labels: (0 | 1)[] = [];
  DISSIDENT_SENTENCES.forEach((d, i) => {
    texts.push(d, NON_DISSIDENT_SENTENCES[i]);
    labels.push(1, 0);
  });
  return { texts, labels };
}
