/** Strings of the cooperant widget (owned by that widget; add keys here, in both languages). */
export interface CooperantStrings {
  /**
   * Title of the chart when the dataset gives none (`cooperants.words.title`): neutral, for any programme. The
   * default dataset's own title ("French military cooperant posts") is in data/parsec.json.
   */
  label: string;
  groupBy: string;
  /** The year control and its "every year" option. */
  yearControl: string;
  allYears: string;
  groupByOptions: { place: string; entity: string; rank: string; service: string; year: string };
  ranks: { 'senior-officer': string; officer: string; nco: string; 'not-stated': string };
  services: { army: string; 'air-force': string; 'not-stated': string };
  placeNotStated: string;
  entityNotStated: string;
  /** `14 posts`, `≈ 10 posts` (the number already formatted, with its hedge). */
  posts: (n: string, count: number) => string;
  /** A group's count as written beside it: `4`, `14 · 9 itemised`. */
  groupCount: (total: string, itemised: number, notItemised: number) => string;
  /** One year's headline: `14 posts in 2011, of which 9 itemised`; `count` null: no total, `4 posts itemised…`. */
  yearSentence: (
    total: string,
    count: number | null,
    year: number,
    itemised: number,
    itemisedText: string,
  ) => string;
  /** One group inside the summary: `4 in Bamako`, `DCM: 2`. */
  placePart: (n: string, place: string) => string;
  noPlacePart: (n: string) => string;
  valuePart: (n: string, name: string) => string;
  notItemisedPart: (n: string, count: number, approx: boolean) => string;
  /** Aria label of a not-itemised unit. */
  notItemisedUnit: (i: number, n: number, year: number, total: string) => string;
  notItemisedTip: (total: string, itemised: number, year: number) => string;
  /** The not-itemised group's count: `5 posts (14 − 9)`. */
  notItemisedCount: (posts: string, total: string, itemised: string) => string;
  legendItemised: string;
  overflow: string;
  entity: string;
  role: string;
  rank: string;
  service: string;
  place: string;
  year: string;
  count: string;
  total: string;
  legendShapes: string;
  legendHollow: string;
  legendApprox: string;
  /** The tooltip heading of the years of a post held several years. */
  years: string;
  /** "All years": `9 distinct posts itemised, each counted once`. */
  distinctSentence: (n: string, count: number) => string;
  /** Heads the years' counts given side by side in "all years". */
  yearlyNotAdded: string;
  /** A grouping most posts have no value for: `Service (8 of 9 not stated)`. */
  mostlyNotStated: (name: string, notStated: string, itemised: string) => string;
  /** The units/bars toggle. */
  modeControl: string;
  modeUnits: string;
  modeBars: string;
  /** Said when bars are drawn by the chart itself: too many posts to tell apart, or more than the width holds. */
  switchedCount: (n: string) => string;
  switchedPixels: (n: string) => string;
  /** Separators in the summary: before the list of groups, before the not-itemised part. */
  colon: string;
  semicolon: string;
}

export const cooperantEn: CooperantStrings = {
  label: 'Staff posts',
  groupBy: 'Group by',
  yearControl: 'Year',
  allYears: 'All years',
  groupByOptions: { place: 'Place', entity: 'Entity', rank: 'Rank', service: 'Service', year: 'Year' },
  ranks: {
    'senior-officer': 'Senior officer',
    officer: 'Officer',
    nco: 'Non-commissioned officer',
    'not-stated': 'Rank not stated',
  },
  services: { army: 'Army', 'air-force': 'Air Force', 'not-stated': 'Service not stated' },
  placeNotStated: 'Place not stated',
  entityNotStated: 'Entity not stated',
  posts: (n, count) => `${n} post${count === 1 ? '' : 's'}`,
  groupCount: (total, itemised, notItemised) =>
    notItemised && itemised ? `${total} · ${itemised} itemised` : total,
  yearSentence: (total, count, year, itemised, itemisedText) =>
    count === null
      ? `${total} post${itemised === 1 ? '' : 's'} itemised in ${year}, no total given`
      : `${total} post${count === 1 ? '' : 's'} in ${year}, ${
          itemised === 0 ? 'none itemised' : `of which ${itemisedText} itemised`
        }`,
  placePart: (n, place) => `${n} in ${place}`,
  noPlacePart: (n) => `${n} with no place stated`,
  valuePart: (n, name) => `${name}: ${n}`,
  notItemisedPart: (n, _count, approx) => `${approx ? 'about ' : ''}${n} not itemised`,
  notItemisedUnit: (i, n, year, total) =>
    `Post not itemised, ${i} of ${n} in ${year} (${total} counted; the source does not break them down)`,
  notItemisedTip: (total, itemised, year) =>
    `The source counts ${total} posts in ${year} but itemises ${itemised}: this one is not broken down (entity, rank and place unknown).`,
  notItemisedCount: (posts, total, itemised) => `${posts} (${total} − ${itemised})`,
  legendItemised: 'Itemised',
  overflow: 'more posts itemised than the total counts',
  entity: 'Entity',
  role: 'Role',
  rank: 'Rank',
  service: 'Service',
  place: 'Place',
  year: 'Year',
  count: 'Posts',
  total: 'Total',
  legendShapes: 'Shape and colour: rank',
  legendHollow: '(derived)',
  legendApprox: 'approximate count',
  years: 'Years',
  distinctSentence: (n, count) =>
    `${n} distinct post${count === 1 ? '' : 's'} itemised, each counted once whatever ${count === 1 ? 'its' : 'their'} years`,
  yearlyNotAdded: 'the counts of each year, not added up',
  mostlyNotStated: (name, notStated, itemised) => `${name} (${notStated} of ${itemised} not stated)`,
  modeControl: 'Show as',
  modeUnits: 'Units',
  modeBars: 'Bars',
  switchedCount: (n) =>
    `${n} posts: drawn as bars, too many to tell apart one by one. Choose “Units” to see each post.`,
  switchedPixels: (n) => `${n} posts: drawn as bars, more than this width can show one by one.`,
  colon: ': ',
  semicolon: '; ',
};

export const cooperantFr: CooperantStrings = {
  label: 'Postes',
  groupBy: 'Regrouper par',
  yearControl: 'Année',
  allYears: 'Toutes les années',
  groupByOptions: {
    place: 'Lieu',
    entity: 'Entité',
    rank: 'Grade',
    service: 'Armée',
    year: 'Année',
  },
  ranks: {
    'senior-officer': 'Officier supérieur',
    officer: 'Officier',
    nco: 'Sous-officier',
    'not-stated': 'Grade non précisé',
  },
  services: { army: 'Armée de terre', 'air-force': 'Armée de l’air', 'not-stated': 'Armée non précisée' },
  placeNotStated: 'Lieu non précisé',
  entityNotStated: 'Entité non précisée',
  posts: (n, count) => `${n} poste${count > 1 ? 's' : ''}`,
  groupCount: (total, itemised, notItemised) =>
    notItemised && itemised ? `${total} · ${itemised} détaillé${itemised > 1 ? 's' : ''}` : total,
  yearSentence: (total, count, year, itemised, itemisedText) =>
    count === null
      ? `${total} poste${itemised > 1 ? 's' : ''} détaillé${itemised > 1 ? 's' : ''} en ${year}, sans total publié`
      : `${total} poste${count > 1 ? 's' : ''} en ${year}, ${
          itemised === 0 ? 'aucun détaillé' : `dont ${itemisedText} détaillé${itemised > 1 ? 's' : ''}`
        }`,
  placePart: (n, place) => `${n} à ${place}`,
  noPlacePart: (n) => `${n} sans lieu précisé`,
  valuePart: (n, name) => `${name}\u202f: ${n}`,
  notItemisedPart: (n, count, approx) =>
    `${approx ? 'environ ' : ''}${n} non détaillé${count > 1 ? 's' : ''}`,
  notItemisedUnit: (i, n, year, total) =>
    `Poste non détaillé, ${i} sur ${n} en ${year} (${total} comptés\u202f; la source ne les détaille pas)`,
  notItemisedTip: (total, itemised, year) =>
    `La source compte ${total} postes en ${year} mais n’en détaille que ${itemised}\u202f: celui-ci ne l’est pas (entité, grade et lieu inconnus).`,
  notItemisedCount: (posts, total, itemised) => `${posts} (${total} − ${itemised})`,
  legendItemised: 'Détaillés',
  overflow: 'plus de postes détaillés que le total n’en compte',
  entity: 'Entité',
  role: 'Fonction',
  rank: 'Grade',
  service: 'Armée',
  place: 'Lieu',
  year: 'Année',
  count: 'Postes',
  total: 'Total',
  legendShapes: 'Forme et couleur\u202f: grade',
  legendHollow: '(calculé)',
  legendApprox: 'nombre approximatif',
  years: 'Années',
  distinctSentence: (n, count) =>
    count > 1
      ? `${n} postes distincts détaillés, chacun compté une fois quelles que soient ses années`
      : `${n} poste distinct détaillé, compté une fois quelles que soient ses années`,
  yearlyNotAdded: 'les comptes de chaque année, non additionnés',
  mostlyNotStated: (name, notStated, itemised) => `${name} (${notStated} sur ${itemised} non précisés)`,
  modeControl: 'Afficher en',
  modeUnits: 'Unités',
  modeBars: 'Barres',
  switchedCount: (n) =>
    `${n} postes\u202f: affichés en barres, trop nombreux pour être distingués un à un. Choisissez «\u202fUnités\u202f» pour voir chaque poste.`,
  switchedPixels: (n) =>
    `${n} postes\u202f: affichés en barres, plus que cette largeur ne peut en montrer un à un.`,
  colon: ' : ',
  semicolon: ' ; ',
};

/** This widget's strings in the built-in languages, added to their tables by `addStrings` where they are read. */
export const cooperantStrings = { en: cooperantEn, fr: cooperantFr };
