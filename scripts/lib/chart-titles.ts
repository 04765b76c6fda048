// The chart's own title, as each widget writes it in its `title` part (the base element's
// `captionTitle(chartTitle(), data, lang)`), for what must name a chart without rendering it: the oEmbed files of
// scripts/oembed.mjs. Keep in step with the widgets' `chartTitle()` overrides; demo/builder.e2e.mjs compares these
// titles with the ones the widgets render.
import { captionTitle } from '../../src/describe/common';
import { staffTitle } from '../../src/describe/cooperant';
// every widget's strings (the built-in tables get a widget's only when its module loads)
import { translationFor } from '../../src/i18n/all';
import type { Dataset } from '../../src/schema/dataset';
import { parseDataset } from '../../src/schema/parse';
import { datasetLanguages } from '../../src/schema/text';

/** The embed page's `widget` names (demo/embed.js) and their tags. */
export const WIDGETS = {
  treemap: 'parsec-budget-treemap',
  gantt: 'parsec-phase-gantt',
  map: 'parsec-facility-map',
  cooperants: 'parsec-cooperant-chart',
} as const;
export type WidgetName = keyof typeof WIDGETS;

/** The title a widget shows above the chart (print, exports) for `data` in `lang`. */
export function chartTitle(widget: WidgetName, data: Dataset, lang: string): string {
  const t = translationFor(lang);
  const name =
    widget === 'treemap'
      ? t.treemapTitle
      : widget === 'map'
        ? t.map.label
        : widget === 'cooperants'
          ? staffTitle({ t, lang, words: data.cooperants?.words, languages: datasetLanguages(data) })
          : ''; // the gantt names no chart: the dataset's title alone
  return captionTitle(name, data, lang);
}

/** A dataset validated as the widgets validate it; throws with the first problems when it is not valid. */
export function validDataset(raw: unknown): Dataset {
  const result = parseDataset(raw);
  if (result.ok) return result.data;
  const first = result.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  throw new Error(`the dataset is not valid: ${first.join('; ')}`);
}
