import type { Translation, WidgetStringsKey } from './translation';

/**
 * French. As in `en.ts`, each widget's own strings (`strings/<widget>.ts`) join this table with that widget's code;
 * the package root's `fr` has them all.
 */
export const fr = {
  $code: 'fr',
  loading: 'Chargement des données…',
  empty: 'Aucune donnée à afficher.',
  errorPlain: 'Les données du graphique n’ont pas pu être chargées.',
  errorInvalid: 'Les données du graphique comportent des erreurs\u202f: il ne peut pas être dessiné.',
  errorDetails: 'Détails pour l’éditeur de la page',
  errorMore: (n) => `et ${n} autre${n === 1 ? '' : 's'} problème${n === 1 ? '' : 's'}`,
  tableTruncated: (shown, total) => `${shown} premières lignes sur ${total}.`,
  download: 'Télécharger',
  showData: 'Afficher les données',
  hideData: 'Masquer les données',
  sourceLine: 'Sources',
  asOf: (date) => `données au ${date}`,
  morePublishers: (n) => `et ${n} autres (voir les données)`,
  sources: 'Sources',
  about: 'environ',
  atLeast: 'plus de',
  atMost: 'moins de',
  range: (lo, hi) => `de ${lo} à ${hi}`,
  spokenMoney: (words, currency) => {
    const name = currency === 'EUR' ? 'euros' : currency === 'XOF' ? 'francs CFA' : currency;
    // « 19 millions d’euros », « 19 milliards de francs CFA »: "de" elides only before a vowel
    const of = /(ions?|iards?)$/.test(words) ? (/^[aeiouy]/i.test(name) ? 'd’' : 'de ') : '';
    return `${words} ${of}${name}`;
  },
  derived: 'calculé (à partir de chiffres cités)',
  approx: 'approximatif',
  exact: 'exact',
  notDisclosed: 'montant non publié',
  notStated: 'non précisé',
  notItemised: 'Non détaillé',
  notItemisedNote: 'part du total qu’aucune source ne détaille',
  alsoReported: 'autre chiffre publié',
  drawn: 'représenté',
  unknownDate: 'date inconnue',
  pair: (label, value) => `${label}\u202f: ${value}`,
  otherGroup: (n) => `Autres (${n})`,
  otherBeyond: (names) => `Autres\u202f: ${names}`,
  partsSum: (parts) => `parties\u202f: ${parts}`,
  partsExceed: (total, parts, gap) =>
    `les parties totalisent ${parts}, soit ${gap} de plus que le total annoncé de ${total}`,
  notAddedUp: 'non additionnés (périodes différentes ou inconnues)',
  noRate: (from, to) => `non additionné (les données ne donnent aucun taux de ${from} en ${to})`,
  notAddedNoRate: (to) => `Non additionné (les données ne donnent aucun taux vers ${to})`,
  restIncludesApart:
    'elle comprend les lignes listées à part, dans une autre devise (aucun taux pour les additionner)',
  shownInstead: (shown, asked) =>
    `Montants en ${shown}\u202f: les données ne donnent aucun taux vers ${asked}`,
  reportsDiffer: (name) => `${name}\u202f: les sources donnent des totaux différents`,
  smallTiles: 'Petites tuiles',
  shareOfLevel: 'du niveau supérieur',
  shareOfLevelColumn: 'Part du niveau supérieur',
  share: 'Part',
  amount: 'Montant',
  name: 'Nom',
  level: 'Niveau',
  precision: 'Précision',
  programme: 'Programme',
  treemapLabel: (root, total, n) =>
    `Carte proportionnelle des budgets\u202f: ${root}, ${total}, en ${n} partie${n === 1 ? '' : 's'}.`,
  treemapTitle: 'Budgets',
  treemapRoot: 'Tous les programmes',
  breadcrumb: 'Chemin dans le budget',
  up: 'Remonter d’un niveau',
  drillHint: 'Entrée pour ouvrir, Échap pour remonter',
  legend: 'Légende',
  notDrawn: 'Non représenté (montant inconnu)',
  fetchFailed: (url, why) => `Impossible de charger ${url}\u202f: ${why}`,
  httpError: (url, status) => `Impossible de charger ${url}\u202f: le serveur a répondu ${status}`,
} satisfies Omit<Translation, WidgetStringsKey> as Translation;
