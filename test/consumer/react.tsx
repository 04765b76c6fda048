// React 19: the parsec tags in JSX, typed by `parsec-widgets/react` (type-checked by scripts/check-package.mjs).
import type {} from 'parsec-widgets/react';
import 'parsec-widgets/budget-treemap';
import type { ParsecSelectEvent } from 'parsec-widgets/events';

export function Budgets({ onPick }: { onPick: (id: string) => void }) {
  return (
    <>
      <parsec-budget-treemap
        id="budgets"
        currency="EUR"
        no-legend
        loading="eager"
        onparsec-select={(e: ParsecSelectEvent) => onPick(e.detail.id)}
        onparsec-path-change={(e) => console.log(e.detail.path)}
      />
      <parsec-phase-gantt from="2017" to="2024" theme="dark" />
      {/* a misspelt hyphenated name (no-legnd) cannot be caught: TypeScript lets any hyphenated name through, as
          for data-* (docs/installation.md); the camelCase property names are checked */}
      {/* @ts-expect-error: misspelt attribute */}
      <parsec-budget-treemap currenc="EUR" />
      {/* @ts-expect-error: misspelt property */}
      <parsec-budget-treemap noLegnd />
      {/* @ts-expect-error: a declared hyphenated attribute is checked: no-legend is a boolean */}
      <parsec-budget-treemap no-legend="yes" />
      {/* @ts-expect-error: not a theme */}
      <parsec-cooperant-chart theme="sepia" />
    </>
  );
}
