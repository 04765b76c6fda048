/**
 * The column convention: one table per section, one row per record, one column per field. Headers are matched case-
 * and accent-insensitively, in English or French (`amount` / `montant`, `label_fr` / `libellé (fr)`); text in two
 * languages takes two columns (`label_fr`, `label_en`), a bare `label` is English and a bare `libellé` French.
 */
import { fold } from './cells';

export type SectionName =
  | 'sources'
  | 'programmes'
  | 'budget'
  | 'timeline'
  | 'places'
  | 'facilities'
  | 'posts'
  | 'entities'
  | 'totals';

export interface ColumnSpec {
  /** Canonical header (the template's). */
  key: string;
  /** Other headers read as this column (normalised like headers: see {@link normaliseHeader}). */
  aliases: string[];
  /** What the column holds, for the docs and the builder. */
  doc: string;
  required?: boolean;
}

export interface SectionSpec {
  name: SectionName;
  /** File names (without extension) recognised as this section, en and fr. */
  files: string[];
  columns: ColumnSpec[];
}

/** `Libellé (FR)` → `libelle_fr`; `Période — début` → `periode_debut`. */
export function normaliseHeader(h: string): string {
  return fold(h)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const col = (key: string, doc: string, aliases: string[] = [], required = false): ColumnSpec => ({
  key,
  aliases,
  doc,
  required,
});
/** Two columns for a text in French and English, with their aliases in each language. */
const text = (base: string, doc: string, en: string[], fr: string[], required = false): ColumnSpec[] => [
  col(
    `${base}_fr`,
    `${doc} in French`,
    [...fr, ...[base, ...en, ...fr].flatMap((a) => [`${a}_fr`, `fr_${a}`])],
    required,
  ),
  col(
    `${base}_en`,
    `${doc} in English`,
    [base, ...en, ...[base, ...en, ...fr].flatMap((a) => [`${a}_en`, `en_${a}`])],
    required,
  ),
];
/** Per-figure details, when a figure of the row has its own precision, sources or note (else the row's). */
const details = (base: string, what: string, bound = false): ColumnSpec[] => [
  col(`${base}_precision`, `precision of the ${what}, when it differs from the row's`, [`precision_${base}`]),
  ...(bound
    ? [col(`${base}_bound`, `hedge of the ${what}: about, at-least, at-most`, [`borne_${base}`])]
    : []),
  col(`${base}_sources`, `sources of the ${what}, when they differ from the row's ("none" for none)`, [
    `sources_${base}`,
  ]),
  ...text(`${base}_note`, `note on the ${what}`, [], [`note_${base}`]),
];
const alternativeOf = (what: string) =>
  col(
    'alternative_of',
    `id of a record whose ${what} this row reports differently (kept beside it, never added)`,
    ['alternative', 'alternative_de', 'variante_de'],
  );
const sources = col('sources', 'source ids from the sources table, or URLs, separated by ";"', [
  'source',
  'sources_ids',
  'references',
]);
const id = col('id', 'a unique id: letters, digits, "-" or "_"', ['identifiant', 'ident', 'code'], true);
const programme = col(
  'programme',
  'id of the programme (programmes table)',
  ['program', 'projet', 'project', 'programme_id'],
  true,
);

export const SECTIONS: Record<SectionName, SectionSpec> = {
  sources: {
    name: 'sources',
    files: ['sources', 'source', 'references'],
    columns: [
      id,
      col('title', 'title of the document or page', ['titre'], true),
      col(
        'publisher',
        'who published it',
        ['editeur', 'publie_par', 'auteur', 'author', 'organisation'],
        true,
      ),
      col('url', 'http(s) address, empty when none', ['lien', 'link', 'adresse']),
      col('language', 'language code (fr, en)', ['langue', 'lang']),
      col('published', 'publication date (2017-03-03, 2017-03, 2017), empty when unknown', [
        'date',
        'publie_le',
        'date_de_publication',
        'publication_date',
      ]),
      col('seed_file', 'file name of a local copy of the document', [
        'fichier',
        'fichier_source',
        'copie_locale',
      ]),
    ],
  },
  programmes: {
    name: 'programmes',
    files: ['programmes', 'programme', 'programs', 'projects', 'projets'],
    columns: [
      id,
      col('kind', '"programme", or "context" (hidden by default)', ['type', 'genre', 'nature']),
      col('short', 'short name', ['nom_court', 'sigle', 'acronym', 'acronyme'], true),
      ...text('name', 'full name', ['title'], ['nom', 'titre'], true),
      col('reference', 'reference number', ['ref', 'numero', 'reference_number']),
      ...text('instrument', 'funding instrument', [], ['instrument_financier']),
      ...text(
        'implementers',
        'implementing organisations',
        ['implementer'],
        ['operateurs', 'operateur', 'mise_en_oeuvre'],
      ),
      ...text('area', 'area of work', ['zone', 'location'], ['zone', 'lieu']),
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
      sources,
    ],
  },
  budget: {
    name: 'budget',
    files: ['budget', 'budgets', 'lignes_budgetaires', 'budget_lines'],
    columns: [
      id,
      programme,
      col('parent', 'id of the line this one is part of; empty for a programme total', [
        'parent_id',
        'ligne_parente',
        'parente',
        'part_of',
        'partie_de',
      ]),
      col(
        'alternative_of',
        'id of a line whose amount this row reports differently (a conflicting report, kept beside it)',
        ['alternative', 'alternative_de', 'autre_montant_de', 'variante_de'],
      ),
      ...text('label', 'label', ['name', 'line'], ['libelle', 'intitule', 'nom', 'ligne'], false),
      col(
        'amount',
        'amount in currency units (29000000, not 29 M€); "unknown" when no source gives it',
        ['montant', 'value', 'valeur', 'somme'],
        true,
      ),
      col('currency', 'currency code: EUR, XOF (or € and FCFA)', ['devise', 'monnaie'], true),
      col('precision', '"exact", "approx" (the source hedges) or "derived" (computed from cited figures)', [
        'precision_amount',
        'fiabilite',
      ]),
      col('bound', 'for approx: "about", "at-least", "at-most" or "range"', [
        'borne',
        'hedge',
        'approximation',
      ]),
      col('max', 'for a range: the upper amount', ['maximum', 'montant_max', 'amount_max']),
      col('period_start', 'start of the period the amount covers', [
        'start',
        'periode_debut',
        'debut_periode',
        'debut',
        'from',
        'du',
      ]),
      col('period_end', 'end of the period the amount covers', [
        'end',
        'periode_fin',
        'fin_periode',
        'fin',
        'to',
        'au',
      ]),
      sources,
      ...text('amount_note', 'note on the amount', [], ['note_montant']),
      ...text('note', 'note on the line', ['comment'], ['remarque', 'commentaire']),
    ],
  },
  timeline: {
    name: 'timeline',
    files: ['timeline', 'dates', 'calendrier', 'chronologie', 'calendar', 'phases'],
    columns: [
      id,
      programme,
      alternativeOf('date (the one date column filled)'),
      col('duration_of', 'id of an item whose duration this row states (with duration_months)', [
        'duree_de',
        'duration_for',
      ]),
      col(
        'kind',
        '"phase" (start → end), "milestone" or "event" (one date)',
        ['type', 'genre', 'nature'],
        true,
      ),
      ...text('label', 'label', ['name', 'title'], ['libelle', 'intitule', 'nom', 'titre'], false),
      col('start', 'phase start (2017-01-30, 2017-01 or 2017; "unknown")', [
        'debut',
        'date_debut',
        'start_date',
        'reported_start',
        'debut_reel',
        'actual_start',
      ]),
      col('end', 'phase end', ['fin', 'date_fin', 'end_date', 'reported_end', 'fin_reelle', 'actual_end']),
      col('date', 'date of a milestone or event', ['le', 'jour', 'day']),
      col('precision', 'precision of the dates of the row: exact, approx or derived', ['fiabilite']),
      col('planned_start', 'planned start, when the plan differs from what was reported', [
        'debut_prevu',
        'start_planned',
        'date_debut_prevue',
      ]),
      col('planned_end', 'planned end', ['fin_prevue', 'end_planned', 'date_fin_prevue']),
      col('after', 'ids of the items this one follows, separated by ";"', [
        'apres',
        'depends_on',
        'depend_de',
        'predecessors',
      ]),
      col('place', 'id of a place (places table)', ['lieu', 'place_id']),
      sources,
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
      col('duration_months', 'a duration in months (rows with duration_of)', [
        'duree_mois',
        'months',
        'mois',
      ]),
      ...details('start', 'start'),
      ...details('end', 'end'),
      ...details('date', 'date'),
      ...details('planned_start', 'planned start'),
      ...details('planned_end', 'planned end'),
    ],
  },
  places: {
    name: 'places',
    files: ['places', 'lieux', 'gazetteer', 'localites', 'locations'],
    columns: [
      id,
      alternativeOf('coordinates (lat, lon, sources)'),
      ...text('name', 'name', [], ['nom'], false),
      col('kind', '"capital", "regional-capital", "town" or "airport"', ['type', 'genre', 'nature'], true),
      col('lat', 'latitude, decimal degrees (WGS84)', ['latitude'], true),
      col('lon', 'longitude, decimal degrees (WGS84)', ['longitude', 'lng', 'long'], true),
      col('precision', 'exact, approx or derived', ['fiabilite', 'exactness', 'exactitude']),
      col('admin1', 'first-level region (Mopti)', ['region', 'admin_1', 'province']),
      col('admin1_reform', 'region after a reform, when it differs', ['region_reforme', 'admin1reform']),
      sources,
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
    ],
  },
  facilities: {
    name: 'facilities',
    files: ['facilities', 'installations', 'realisations', 'equipements', 'deliveries', 'livraisons'],
    columns: [
      id,
      programme,
      alternativeOf('amount'),
      col(
        'kind',
        '"infrastructure", "equipment", "training", "border" or "unit"',
        ['type', 'genre', 'nature'],
        true,
      ),
      ...text('label', 'label', ['name'], ['libelle', 'intitule', 'nom'], false),
      col('quantity', 'how many (a whole number), empty when not stated', [
        'quantite',
        'nombre',
        'count',
        'number',
      ]),
      col('place', 'id of a place (places table)', ['lieu', 'place_id'], true),
      col('place_precision', '"town", "approx" or "region"', ['precision_lieu', 'place_accuracy']),
      col('handover_place', 'id of the place of handover', ['lieu_remise', 'lieu_de_remise']),
      ...text('beneficiary', 'beneficiary', [], ['beneficiaire']),
      col('status', '"delivered", "planned", "in-progress" or "unknown"', ['statut', 'etat', 'state']),
      col('date', 'date of delivery or handover', ['date_remise', 'le']),
      col('amount', 'amount in currency units, empty when none', ['montant', 'cost', 'cout']),
      col('currency', 'currency code of the amount: EUR, XOF (or € and FCFA)', ['devise', 'monnaie']),
      col('bound', 'hedge of the amount: about, at-least, at-most, range', ['borne']),
      col('max', 'for a range: the upper amount', ['maximum', 'montant_max']),
      col('precision', 'exact, approx or derived (quantity, date and amount of the row)', ['fiabilite']),
      sources,
      ...text('place_note', 'note on the place', [], ['note_lieu']),
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
      ...details('quantity', 'quantity', true),
      ...details('date', 'date'),
      ...details('amount', 'amount'),
    ],
  },
  posts: {
    name: 'posts',
    files: ['posts', 'postes', 'staff', 'staff_posts', 'cooperants', 'personnel'],
    columns: [
      id,
      col(
        'entity',
        'id of the host entity (created from entity_name when new)',
        ['entite', 'host', 'structure', 'entity_id'],
        true,
      ),
      col('entity_name', 'name of the host entity', ['nom_entite', 'entite_nom', 'host_name']),
      ...text('role', 'role', ['post', 'position'], ['poste', 'fonction'], false),
      col('rank', '"senior-officer", "officer", "nco" or "not-stated"', ['grade', 'rang']),
      col('service', '"army", "air-force" or "not-stated"', ['armee', 'branch', 'arme']),
      col('place', 'id of a place; empty when not stated', ['lieu', 'place_id']),
      col(
        'years',
        'years the post is attested, separated by ";" (2011; 2012)',
        ['annees', 'annee', 'year'],
        true,
      ),
      sources,
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
    ],
  },
  entities: {
    name: 'entities',
    files: ['entities', 'entites', 'host_entities', 'structures'],
    columns: [
      id,
      col('short', 'short name', ['nom_court', 'sigle', 'acronym', 'acronyme'], true),
      ...text('name', 'full name', [], ['nom'], true),
      sources,
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
    ],
  },
  totals: {
    name: 'totals',
    files: ['totals', 'totaux', 'post_totals', 'effectifs'],
    columns: [
      col('year', 'the year counted', ['annee'], true),
      col(
        'count',
        'how many posts that year (a whole number)',
        ['nombre', 'postes', 'posts', 'effectif'],
        true,
      ),
      col('precision', 'exact, approx or derived', ['fiabilite']),
      col('bound', 'for approx: about, at-least, at-most', ['borne']),
      sources,
      ...text('count_note', 'note on the count', [], ['note_nombre']),
      ...text('note', 'note', ['comment'], ['remarque', 'commentaire']),
    ],
  },
};

/** The column a header names in a section, or undefined. */
export function columnFor(section: SectionSpec, header: string): ColumnSpec | undefined {
  const h = normaliseHeader(header);
  return section.columns.find((c) => c.key === h) ?? section.columns.find((c) => c.aliases.includes(h));
}

/** The section a file name or a header names (by file name first, then by the most headers recognised). */
export function guessSection(fileName: string | undefined, header: string[]): SectionName | undefined {
  if (fileName) {
    const stem = normaliseHeader(fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, ''));
    for (const s of Object.values(SECTIONS)) if (s.files.includes(stem)) return s.name;
    for (const s of Object.values(SECTIONS))
      if (s.files.some((f) => stem.startsWith(f) || stem.endsWith(f))) return s.name;
  }
  let best: SectionName | undefined;
  let score = 0;
  for (const s of Object.values(SECTIONS)) {
    const known = header.filter((h) => columnFor(s, h)).length;
    const required = s.columns.filter((c) => c.required).length;
    const hasRequired = s.columns.filter(
      (c) => c.required && header.some((h) => columnFor(s, h) === c),
    ).length;
    const sc = known + 2 * hasRequired - (required - hasRequired) * 2;
    if (sc > score) {
      score = sc;
      best = s.name;
    }
  }
  return best;
}
