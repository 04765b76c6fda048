/**
 * The built-in string tables with every widget's strings, for the package root (`en`, `fr`): a table spread into a new
 * language (`{ ...en, $code: 'de' }`) has every key. The widget entries import `i18n/index` and add only their own
 * strings (see `addStrings`).
 * @module
 */
import { en as enTable, fr as frTable } from './index';
import { cooperantStrings } from './strings/cooperant';
import { ganttStrings } from './strings/gantt';
import { mapStrings } from './strings/map';
import { treemapStrings } from './strings/treemap';
import type { Translation } from './translation';

// the same objects as the widgets' built-in tables (one `en` per page), completed; a value, not a side effect, so a
// bundler that keeps `en` keeps its strings
export const en: Translation = Object.assign(enTable, {
  gantt: ganttStrings.en,
  map: mapStrings.en,
  cooperant: cooperantStrings.en,
  treemap: treemapStrings.en,
});
export const fr: Translation = Object.assign(frTable, {
  gantt: ganttStrings.fr,
  map: mapStrings.fr,
  cooperant: cooperantStrings.fr,
  treemap: treemapStrings.fr,
});
export { translations, registerTranslation, translationFor, type Translation } from './index';
