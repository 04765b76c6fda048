import { formatNumber } from '../numbers';
/** Strings of the map widget (owned by that widget; add keys here, in both languages). */
export interface MapStrings {
  /** Summary label of the chart. */
  label: string;
  /**
   * Summary read by screen readers: the things drawn (`15 items (3 entries)`), the number of places, and the view
   * (`the Mopti region`; empty when the map is fitted to the data's places, which names no region of its own).
   */
  summary: (things: string, places: number, view: string) => string;
  /** The view the page asked for, named by the geometry: a region (`the Mopti region`) or a country (`Mali`). */
  viewName: (name: string, level: 'region' | 'country') => string;
  /** `8 × Pinasses`: a count and what is counted, on a row of an open cluster. */
  times: (count: string, label: string) => string;
  /** Records (entries of the data) behind a count of things: `3 entries`. */
  records: (n: number) => string;
  /** Items whose quantity no source states, each counted as one. */
  uncounted: (n: number) => string;
  /** The edges of the view, for what lies beyond. */
  sides: Record<'n' | 'e' | 's' | 'w', string>;
  /** `4 items beyond the west edge`. */
  beyond: (things: string, side: string) => string;
  /** The first places beyond an edge, then how many more: `Ségou, Niono, Macina and 1,204 more places`. */
  andMore: (first: string, more: number) => string;
  /** What Enter or a click on an edge marker does. */
  goThere: string;
  /** The note of what is beyond the view. */
  offViewNote: (things: string) => string;
  /** The note of items whose place is not in the gazetteer. */
  unplaced: (n: number) => string;
  /** The note when no offline base map covers the data's places. */
  noBaseMap: string;
  /** Legend: the edge markers. */
  legendOffView: string;
  /**
   * Names of the bundled geometry's countries and regions in this language, by id, where Natural Earth's differ (other
   * countries are named through `Intl.DisplayNames`).
   */
  geoNames: Partial<Record<string, string>>;
  /** A region as a place: `Mopti region`. */
  regionName: (name: string) => string;
  listLabel: string;
  ringLabel: (place: string) => string;
  kinds: Record<'infrastructure' | 'equipment' | 'training' | 'border' | 'unit', string>;
  statuses: Record<'delivered' | 'planned' | 'in-progress' | 'unknown' | 'cancelled', string>;
  items: (n: number) => string;
  townPrecision: string;
  approxLocation: string;
  regionOnly: string;
  dateUnknown: string;
  place: string;
  kind: string;
  facility: string;
  quantity: string;
  forWhom: string;
  when: string;
  /** Column of the data table: the precision of the date. */
  datePrecision: string;
  /** Column of the data table: the currency of the amount. */
  currency: string;
  status: string;
  handover: string;
  location: string;
  zoomIn: string;
  zoomOut: string;
  reset: string;
  zoomControls: string;
  wheelHint: string;
  wheelHintMac: string;
  keysHint: string;
  dateFilter: string;
  allDates: string;
  showing: (date: string) => string;
  /** What the date hides: `4 items dated later, hidden` (`n`: the things, for agreement; `things`: in words). */
  later: (n: number, things: string) => string;
  /** Places the data puts in another region after a reform (`admin1Reform`): `Koro and Bandiagara: Bandiagara region`. */
  regionChanged: (places: string, region: string) => string;
  legendUndated: string;
  legendCluster: string;
  legendApprox: string;
  legendRegion: string;
}

const n = (lang: string, x: number) => formatNumber(x, lang);

export const mapEn: MapStrings = {
  label: 'Map of facilities and deliveries',
  summary: (things, places, view) =>
    `Map${view ? ` of ${view}` : ''}: facilities and deliveries, ${things} at ${n('en', places)} place${places === 1 ? '' : 's'}, listed west to east.`,
  viewName: (name, level) => (level === 'country' ? name : `the ${name} region`),
  times: (count, label) => `${count} × ${label}`,
  records: (n) => `${n} entr${n === 1 ? 'y' : 'ies'}`,
  uncounted: (n) => `${n} entr${n === 1 ? 'y states' : 'ies state'} no quantity: counted as one each`,
  sides: { n: 'north', e: 'east', s: 'south', w: 'west' },
  beyond: (things, side) => `${things} beyond the ${side} edge`,
  andMore: (first, more) => `${first} and ${n('en', more)} more place${more === 1 ? '' : 's'}`,
  goThere: 'Enter or click: show them',
  offViewNote: (things) => `Beyond the view, counted by the arrows at its edges: ${things}.`,
  unplaced: (n) =>
    `${n} entr${n === 1 ? 'y has' : 'ies have'} no place in the gazetteer and cannot be drawn.`,
  noBaseMap:
    'No offline base map covers these places: they are drawn on a grid of longitude and latitude, without borders.',
  legendOffView: 'Arrow at an edge: items beyond the view, with their number',
  geoNames: { tombouctou: 'Timbuktu' },
  regionName: (name) => `${name} region`,
  listLabel: 'Facilities by place, west to east',
  ringLabel: (place) => `Items at ${place}`,
  kinds: {
    infrastructure: 'Infrastructure',
    equipment: 'Equipment',
    training: 'Training',
    border: 'Border management',
    unit: 'Unit',
  },
  statuses: {
    delivered: 'delivered',
    planned: 'planned',
    'in-progress': 'in progress',
    unknown: 'status unknown',
    cancelled: 'cancelled',
  },
  items: (n) => `${n} item${n === 1 ? '' : 's'}`,
  townPrecision: 'placed at the town, not at a site',
  approxLocation: 'approximate location',
  regionOnly: 'located only to the region (drawn at its centre)',
  dateUnknown: 'date unknown',
  place: 'Place',
  kind: 'Kind',
  facility: 'Facility or delivery',
  quantity: 'How many',
  forWhom: 'For',
  when: 'When',
  datePrecision: 'Date precision',
  currency: 'Currency',
  status: 'Status',
  handover: 'Handed over at',
  location: 'Location',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  reset: 'Reset view',
  zoomControls: 'Map zoom',
  wheelHint: 'Use Ctrl + scroll to zoom the map',
  wheelHintMac: 'Use ⌘ + scroll to zoom the map',
  keysHint: 'Arrows: move · Enter: open · + / −: zoom · Shift + arrows: pan',
  dateFilter: 'Show what existed on',
  allDates: 'all dates',
  showing: (date) => `Showing what was delivered or existed by ${date}`,
  later: (_n, things) => `${things} dated later, hidden`,
  regionChanged: (places, region) => `After the reform, the data puts ${places} in the ${region} region.`,
  legendUndated: 'Hollow: no known date (planned, in progress or undated), always shown',
  legendCluster: 'Number in a circle: several items at one place, Enter or click to open',
  legendApprox: 'Halo: approximate location',
  legendRegion: 'Dashed: located only to the region',
};

export const mapFr: MapStrings = {
  label: 'Carte des installations et livraisons',
  summary: (things, places, view) =>
    `Carte${view ? ` ${view}` : ''}\u202f: installations et livraisons, ${things} en ${n('fr', places)} lieu${places > 1 ? 'x' : ''}, d’ouest en est.`,
  viewName: (name, level) =>
    level === 'country' ? `(${name})` : `de la région ${/^[aeiouyéèêh]/i.test(name) ? 'd’' : 'de '}${name}`,
  times: (count, label) => `${count} × ${label}`,
  records: (n) => `${n} entrée${n > 1 ? 's' : ''}`,
  uncounted: (n) =>
    `${n} entrée${n > 1 ? 's' : ''} sans quantité indiquée\u202f: comptée${n > 1 ? 's' : ''} pour un${n > 1 ? ' chacune' : ''}`,
  sides: { n: 'nord', e: 'est', s: 'sud', w: 'ouest' },
  beyond: (things, side) => `${things} au-delà du bord ${side}`,
  andMore: (first, more) =>
    `${first} et ${n('fr', more)} autre${more === 1 ? '' : 's'} lieu${more === 1 ? '' : 'x'}`,
  goThere: 'Entrée ou clic\u202f: les afficher',
  offViewNote: (things) => `Hors de la vue, comptés par les flèches des bords\u202f: ${things}.`,
  unplaced: (n) =>
    `${n} entrée${n > 1 ? 's n’ont' : ' n’a'} pas de lieu dans le répertoire et ne peu${n > 1 ? 'vent' : 't'} être dessinée${n > 1 ? 's' : ''}.`,
  noBaseMap:
    'Aucun fond de carte hors ligne ne couvre ces lieux\u202f: ils sont placés sur une grille de longitudes et latitudes, sans frontières.',
  legendOffView: 'Flèche au bord\u202f: éléments hors de la vue, avec leur nombre',
  geoNames: {
    ben: 'Bénin',
    civ: 'Côte d’Ivoire',
    dza: 'Algérie',
    esh: 'Sahara occidental',
    gin: 'Guinée',
    gmb: 'Gambie',
    gnb: 'Guinée-Bissau',
    mrt: 'Mauritanie',
    sen: 'Sénégal',
  },
  regionName: (name) => `Région de ${name}`,
  listLabel: 'Installations par lieu, d’ouest en est',
  ringLabel: (place) => `Éléments à ${place}`,
  kinds: {
    infrastructure: 'Infrastructure',
    equipment: 'Équipement',
    training: 'Formation',
    border: 'Gestion des frontières',
    unit: 'Unité',
  },
  statuses: {
    delivered: 'livré',
    planned: 'prévu',
    'in-progress': 'en cours',
    unknown: 'statut inconnu',
    cancelled: 'annulé',
  },
  items: (n) => `${n} élément${n > 1 ? 's' : ''}`,
  townPrecision: 'placé à la ville, pas à un site',
  approxLocation: 'emplacement approximatif',
  regionOnly: 'localisé seulement à la région (dessiné en son centre)',
  dateUnknown: 'date inconnue',
  place: 'Lieu',
  kind: 'Type',
  facility: 'Installation ou livraison',
  quantity: 'Combien',
  forWhom: 'Pour',
  when: 'Quand',
  datePrecision: 'Précision de la date',
  currency: 'Devise',
  status: 'Statut',
  handover: 'Remis à',
  location: 'Localisation',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  reset: 'Réinitialiser la vue',
  zoomControls: 'Zoom de la carte',
  wheelHint: 'Utilisez Ctrl + molette pour zoomer la carte',
  wheelHintMac: 'Utilisez ⌘ + molette pour zoomer la carte',
  keysHint:
    'Flèches\u202f: parcourir · Entrée\u202f: ouvrir · + / −\u202f: zoom · Maj + flèches\u202f: déplacer',
  dateFilter: 'Afficher ce qui existait le',
  allDates: 'toutes dates',
  showing: (date) => `Ce qui était livré ou existait à cette date\u202f: ${date}`,
  later: (n, things) => `${things} daté${n > 1 ? 's' : ''} plus tard, masqué${n > 1 ? 's' : ''}`,
  regionChanged: (places, region) =>
    `Après la réforme, les données placent ${places} dans la région ${/^[aeiouyéèêh]/i.test(region) ? 'd’' : 'de '}${region}.`,
  legendUndated: 'Creux\u202f: sans date connue (prévu, en cours ou non daté), toujours affiché',
  legendCluster: 'Nombre dans un cercle\u202f: plusieurs éléments au même lieu, Entrée ou clic pour ouvrir',
  legendApprox: 'Halo\u202f: emplacement approximatif',
  legendRegion: 'Tirets\u202f: localisé seulement à la région',
};

/** This widget's strings in the built-in languages, added to their tables by `addStrings` where they are read. */
export const mapStrings = { en: mapEn, fr: mapFr };
