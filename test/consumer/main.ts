// A developer's app, as written against the published package (type-checked by scripts/check-package.mjs).
import 'parsec-widgets/budget-treemap';
import { ParsecPhaseGantt } from 'parsec-widgets/phase-gantt';
import 'parsec-widgets/facility-map';
import 'parsec-widgets/cooperant-chart';
import { ParsecDataset, type DatasetInput } from 'parsec-widgets/dataset';
import { ParsecSelectEvent, type ParsecMarkDetail } from 'parsec-widgets/events';
import { parseDataset, type Dataset } from 'parsec-widgets/schema';
import { formatMoney } from 'parsec-widgets/format';
import { discover } from 'parsec-widgets/autoloader';
import { ParsecBudgetTreemap } from 'parsec-widgets/budget-treemap';
// the root defines no element: events, types, formatters and the validator
import {
  ParsecSelectEvent as RootSelectEvent,
  defaultDataset,
  formatIsoDate,
  type DatasetData,
} from 'parsec-widgets';
// @ts-expect-error: the element classes are not exported from the side-effect-free root
import { ParsecFacilityMap } from 'parsec-widgets';
// the all-in-one bundle exports them (and defines every tag)
import type { ParsecCooperantChart } from 'parsec-widgets/bundle';

const treemap = document.createElement('parsec-budget-treemap');
treemap.currency = 'XOF';
treemap.noLegend = true;
// @ts-expect-error: the currency is a union of codes
treemap.currency = 42;
const sameClass: boolean = treemap instanceof ParsecBudgetTreemap;

// every event is typed on every element, from any subpath
treemap.addEventListener('parsec-select', (e) => {
  const detail: ParsecMarkDetail = e.detail;
  console.log(detail.id, detail.sources.length, e instanceof ParsecSelectEvent);
  // @ts-expect-error: no such field in the detail
  console.log(e.detail.idd);
});
treemap.addEventListener('parsec-hover', (e) => console.log(e.detail?.label));
treemap.addEventListener('parsec-path-change', (e) => console.log(e.detail.path.join('/')));
treemap.addEventListener('parsec-data-error', (e) => console.log(e.detail.stage, e.detail.issues[0]?.path));
document.addEventListener('parsec-selection-change', (e) => console.log(e.detail?.id));

const gantt = new ParsecPhaseGantt();
gantt.from = '2017-01';
gantt.addEventListener('parsec-select', (e) => console.log(e.detail.kind));

const provider: ParsecDataset = document.createElement('parsec-dataset');
provider.src = '/my-dataset.json';
// @ts-expect-error: `data` is the dataset type, as on the widgets (still validated at run time)
provider.data = 42;
provider.data = treemap.data;
console.log(provider instanceof ParsecDataset);

const result = parseDataset(JSON.parse('{}'));
if (result.ok) {
  const data: Dataset = result.data;
  treemap.data = data;
  console.log(formatMoney(1_000_000, 'EUR', 'fr'), data.sources.length);
} else {
  console.log(result.issues.map((i) => `${i.path}: ${i.message}`));
}
const input: DatasetInput | undefined = undefined;
console.log(input, sameClass, defaultDataset, discover, ParsecFacilityMap, formatIsoDate('2024-05-01', 'fr'));
// one class: the root's event is the subpaths' event
const sameEvent: typeof ParsecSelectEvent = RootSelectEvent;
const given: DatasetData | undefined = undefined;
const chart: ParsecCooperantChart = document.createElement('parsec-cooperant-chart');
console.log(sameEvent, given, chart);
