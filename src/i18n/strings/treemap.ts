/** Strings of the budget treemap (owned by that widget; add keys here, in both languages). */
export interface TreemapStrings {
  /** The area of a parent's lines too small to draw one by one: `12,345 smaller lines` (the number formatted). */
  smallerLines: (n: string, count: number) => string;
  /** The same area when it holds every line of its parent (none is large enough to draw): `12,500 lines`. */
  allLines: (n: string, count: number) => string;
  /** Its tooltip note: why the lines are drawn together, and where to see each. */
  smallerNote: string;
  /** Its legend entry (only when such an area is drawn). */
  legendSmaller: string;
}

export const treemapEn: TreemapStrings = {
  smallerLines: (n, count) => (count === 1 ? `${n} smaller line` : `${n} smaller lines`),
  allLines: (n, count) => (count === 1 ? `${n} line` : `${n} lines`),
  smallerNote:
    'Each too small to draw at this size, so drawn as one area. Open the programme to see them; the data table lists every line.',
  legendSmaller: 'Lines too small to draw one by one, as one area',
};

export const treemapFr: TreemapStrings = {
  smallerLines: (n, count) => (count === 1 ? `${n}\u00a0ligne plus petite` : `${n}\u00a0lignes plus petites`),
  allLines: (n, count) => (count === 1 ? `${n}\u00a0ligne` : `${n}\u00a0lignes`),
  smallerNote:
    'Chacune trop petite pour être dessinée à cette taille, d’où une seule surface. Ouvrez le programme pour les voir\u202f; le tableau de données liste chaque ligne.',
  legendSmaller: 'Lignes trop petites pour être dessinées une à une, en une surface',
};

/** This widget's strings in the built-in languages, added to their tables by `addStrings` where they are read. */
export const treemapStrings = { en: treemapEn, fr: treemapFr };
