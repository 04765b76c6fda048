import { formatNumber } from '../numbers';
/** Strings of the map widget (owned by that widget; add keys here, in both languages). */
export interface MapStrings {
  /** Summary label of the chart. */
  label: string;
  /** Summary read by screen readers: items, places, the view. */
  summary: (items: number, places: number, view: string) => string;
  /** The view: `the Mopti region`, `Mali`. */
  viewName: (region: string) => string;
  /** A labelled value: `When: 2019` (en), `Quand : 2019` (fr, with a no-break space). */
  field: (label: string, value: string) => string;
  /** Names of the base map's countries and regions in this language, by id, where Natural Earth's differ. */
  geoNames: Partial<Record<string, string>>;
  /** A region as a place: `Mopti region`. */
  regionName: (name: string) => string;
  listLabel: string;
  ringLabel: (place: string) => string;
  kinds: Record<'infrastructure' | 'equipment' | 'training' | 'border' | 'unit', string>;
  statuses: Record<'delivered' | 'planned' | 'in-progress' | 'unknown', string>;
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
  later: (n: number) => string;
  preReform: string;
  legendUndated: string;
  legendCluster: string;
  legendApprox: string;
  legendRegion: string;
  attribution: string;
}

const n = (lang: string, x: number) => formatNumber(x, lang);

export const mapEn: MapStrings = {
  label: 'Map of facilities and deliveries',
  summary: (items, places, view) =>
    `Map of ${view}: ${n('en', items)} facilit${items === 1 ? 'y' : 'ies'} and deliveries at ${n('en', places)} place${places === 1 ? '' : 's'}, listed west to east.`,
  viewName: (region) => (region === 'mali' ? 'Mali' : `the ${region} region`),
  field: (label, value) => `${label}: ${value}`,
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
  later: (n) => `${n} dated later, hidden`,
  preReform:
    'Regions are the pre-reform boundaries (8 regions and the Bamako district); since 2024 Koro, Bandiagara and Bankass are in the new Bandiagara region.',
  legendUndated: 'Hollow: no known date (planned, in progress or undated), always shown',
  legendCluster: 'Number in a circle: several items at one place, Enter or click to open',
  legendApprox: 'Halo: approximate location',
  legendRegion: 'Dashed: located only to the region',
  attribution: 'Natural Earth',
};

export const mapFr: MapStrings = {
  label: 'Carte des installations et livraisons',
  summary: (items, places, view) =>
    `Carte ${view} : ${n('fr', items)} installation${items > 1 ? 's' : ''} et livraisons en ${n('fr', places)} lieu${places > 1 ? 'x' : ''}, d’ouest en est.`,
  viewName: (region) => (region === 'mali' ? 'du Mali' : `de la région de ${region}`),
  field: (label, value) => `${label}\u00a0: ${value}`,
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
  statuses: { delivered: 'livré', planned: 'prévu', 'in-progress': 'en cours', unknown: 'statut inconnu' },
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
  keysHint: 'Flèches : parcourir · Entrée : ouvrir · + / − : zoom · Maj + flèches : déplacer',
  dateFilter: 'Afficher ce qui existait le',
  allDates: 'toutes dates',
  showing: (date) => `Ce qui était livré ou existait au ${date}`,
  later: (n) => `${n} daté${n > 1 ? 's' : ''} plus tard, masqué${n > 1 ? 's' : ''}`,
  preReform:
    'Régions : limites d’avant la réforme (8 régions et le district de Bamako) ; depuis 2024, Koro, Bandiagara et Bankass relèvent de la nouvelle région de Bandiagara.',
  legendUndated: 'Creux : sans date connue (prévu, en cours ou non daté), toujours affiché',
  legendCluster: 'Nombre dans un cercle : plusieurs éléments au même lieu, Entrée ou clic pour ouvrir',
  legendApprox: 'Halo : emplacement approximatif',
  legendRegion: 'Tirets : localisé seulement à la région',
  attribution: 'Natural Earth',
};
