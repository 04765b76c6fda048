// Vue 3: the parsec tags as GlobalComponents, typed by `parsec-widgets/vue` (type-checked by scripts/check-package.mjs).
import type {} from 'parsec-widgets/vue';
import type { GlobalComponents } from 'vue';

type TreemapProps = InstanceType<GlobalComponents['parsec-budget-treemap']>['$props'];

export const ok: TreemapProps = { currency: 'EUR', 'no-legend': true, 'onparsec-select': (e) => e.detail.id };
// @ts-expect-error: misspelt attribute
export const misspelt: TreemapProps = { currenc: 'EUR' };
// @ts-expect-error: not a theme
export const badTheme: TreemapProps = { theme: 'sepia' };
