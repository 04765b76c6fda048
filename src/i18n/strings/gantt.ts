/** Strings of the gantt widget (owned by that widget; add keys here, in both languages). */
export interface GanttStrings {
  /** Summary label of the chart. */
  label: (items: number, groups: number, from: string, to: string) => string;
  phase: string;
  milestone: string;
  event: string;
  item: string;
  start: string;
  end: string;
  date: string;
  duration: string;
  kind: string;
  /** A duration in months (one decimal at most). */
  months: (n: string) => string;
  items: (n: number) => string;
  /** `from A to B` for a phase, read aloud. */
  span: (from: string, to: string) => string;
  /** `from 2017 to 2024` for a programme's years. */
  years: (from: string, to: string) => string;
  endUnknown: string;
  /** Written after an open bar. */
  openEnd: string;
  planned: string;
  plannedEnd: (date: string) => string;
  /** A month- or year-precise date read aloud: `some time in July 2017`. */
  during: (date: string) => string;
  /** A conflicting report, as written next to its ghost: `Civipol: Dec 2023`. */
  ghost: (who: string, date: string) => string;
  /** `PARSEC start: 30 January 2017; also reported: September 2017 (Civipol)` */
  altSpoken: (date: string, who: string) => string;
  asOfLine: (date: string) => string;
  today: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  /** The same button once everything is shown: back to the window the chart opened on. */
  zoomOpening: string;
  earlier: string;
  later: string;
  toolbar: string;
  window: (from: string, to: string) => string;
  hint: string;
  legendSoft: string;
  legendOpen: string;
  legendGhost: string;
  legendPlanned: string;
  legendDerived: string;
  legendApprox: string;
  legendDeps: string;
  context: string;
  /** Column headers of the treegrid's cells (with `item`, `start` and `end`). */
  status: string;
  /** The end cell of a milestone or event (one date, no end). */
  singleDate: string;
  /** Edge markers: items entirely before or after the window, and the earliest or latest year among them. */
  edgeBefore: (n: number, year: string) => string;
  edgeAfter: (n: number, year: string) => string;
  /** What an edge marker does. */
  showAll: string;
}

export const ganttEn: GanttStrings = {
  label: (items, groups, from, to) =>
    `Timeline of ${items} phases, milestones and events in ${groups} programmes, from ${from} to ${to}.`,
  phase: 'phase',
  milestone: 'milestone',
  event: 'event',
  item: 'Item',
  start: 'Start',
  end: 'End',
  date: 'Date',
  duration: 'Duration',
  kind: 'Kind',
  months: (n) => `${n} months`,
  items: (n) => `${n} item${n === 1 ? '' : 's'}`,
  span: (from, to) => `from ${from} to ${to}`,
  years: (from, to) => (from === to ? `in ${from}` : `from ${from} to ${to}`),
  endUnknown: 'end unknown',
  openEnd: 'end unknown →',
  planned: 'planned',
  plannedEnd: (d) => `planned end ${d}`,
  during: (d) => `some time in ${d}`,
  ghost: (who, d) => `${who}: ${d}`,
  altSpoken: (d, who) => `also reported: ${d} (${who})`,
  asOfLine: (d) => `as of ${d}`,
  today: 'today',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Show all',
  zoomOpening: 'Opening view',
  earlier: 'Earlier',
  later: 'Later',
  toolbar: 'Time window',
  window: (from, to) => `${from} – ${to}`,
  hint: '↑↓ rows · ←→ fold, cells · + − zoom · Shift+←→ pan · Ctrl+wheel zoom',
  legendSoft: 'date to the month or year',
  legendOpen: 'end unknown',
  legendGhost: 'conflicting report',
  legendPlanned: 'planned',
  legendDerived: 'derived date',
  legendApprox: 'approximate date',
  legendDeps: 'follows',
  context: 'context',
  status: 'Precision and doubts',
  singleDate: 'a single date',
  edgeBefore: (n, year) => `◂ ${n} earlier (from ${year})`,
  edgeAfter: (n, year) => `${n} later (to ${year}) ▸`,
  showAll: 'show all',
};

export const ganttFr: GanttStrings = {
  label: (items, groups, from, to) =>
    `Chronologie de ${items} phases, jalons et événements de ${groups} programmes, de ${from} à ${to}.`,
  phase: 'phase',
  milestone: 'jalon',
  event: 'événement',
  item: 'Élément',
  start: 'Début',
  end: 'Fin',
  date: 'Date',
  duration: 'Durée',
  kind: 'Type',
  months: (n) => `${n} mois`,
  items: (n) => `${n} élément${n > 1 ? 's' : ''}`,
  span: (from, to) => `du ${from} au ${to}`,
  years: (from, to) => (from === to ? `en ${from}` : `de ${from} à ${to}`),
  endUnknown: 'fin inconnue',
  openEnd: 'fin inconnue →',
  planned: 'prévu',
  plannedEnd: (d) => `fin prévue ${d}`,
  during: (d) => `courant ${d}`,
  ghost: (who, d) => `${who}\u202f: ${d}`,
  altSpoken: (d, who) => `aussi rapporté\u202f: ${d} (${who})`,
  asOfLine: (d) => `au ${d}`,
  today: 'aujourd’hui',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  zoomReset: 'Tout afficher',
  zoomOpening: 'Vue initiale',
  earlier: 'Plus tôt',
  later: 'Plus tard',
  toolbar: 'Fenêtre de temps',
  window: (from, to) => `${from} – ${to}`,
  hint: '↑↓ lignes · ←→ plier, cellules · + − zoom · Maj+←→ défiler · Ctrl+molette zoom',
  legendSoft: 'date au mois ou à l’année',
  legendOpen: 'fin inconnue',
  legendGhost: 'version contradictoire',
  legendPlanned: 'prévu',
  legendDerived: 'date déduite',
  legendApprox: 'date approximative',
  legendDeps: 'fait suite à',
  context: 'contexte',
  status: 'Précision et doutes',
  singleDate: 'une seule date',
  edgeBefore: (n, year) => `◂ ${n} plus tôt (dès ${year})`,
  edgeAfter: (n, year) => `${n} plus tard (jusqu’en ${year}) ▸`,
  showAll: 'tout afficher',
};

/** This widget's strings in the built-in languages, added to their tables by `addStrings` where they are read. */
export const ganttStrings = { en: ganttEn, fr: ganttFr };
