/**
 * The Gantt's data table, a module of its own: loaded (a dynamic import) when the table is first drawn in idle time
 * after the chart's paint, opened or exported — never in what a page loads at once (scripts/size.mjs checks).
 * @module
 */
import type { DateSpan, PhaseRows, ShownDate } from '../select/phase-rows';
import type { LocalText } from '../schema/text';
import type { GanttTableWords } from './gantt';
import type { DescribeContext, TableModel, TableRow, TableRows } from './types';

/** Items between two pauses of {@link ganttTableSteps}. */
const ITEMS_PER_STEP = 2000;

/**
 * The data table: one row per item, then one per conflicting report and per planned end. Text as read; raw values
 * for the exports (ISO dates, months as numbers, precision codes, source ids).
 */
export function ganttTable(
  view: PhaseRows,
  ctx: DescribeContext,
  title: LocalText,
  words: GanttTableWords & TableRows,
): TableModel {
  const steps = ganttTableSteps(view, ctx, title, words);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link ganttTable} in steps (a pause every {@link ITEMS_PER_STEP} items), for a caller that yields between. `words`:
 * `ganttTableWords` of describe/gantt.ts and the late chunk's `tableRows`.
 */
export function* ganttTableSteps(
  view: PhaseRows,
  ctx: DescribeContext,
  title: LocalText,
  words: GanttTableWords & TableRows,
): Generator<void, TableModel> {
  const { t, lang } = ctx;
  const {
    LazyRow,
    sourcesRaw,
    durationOf,
    itemSourceIds,
    known,
    localText,
    precisionWord,
    sourcesOf,
    sourcesText,
    written,
  } = words;
  const rows: TableRow[] = [];
  const src = (ids: readonly string[]) => sourcesText(sourcesOf(ctx.sources, ids));
  let n = 0;
  for (const g of view.groups)
    for (const i of g.items) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      // 100,000 items: nothing is written here, only when the row is read (a closure and a small object per row)
      const start = i.kind === 'phase' ? i.start : i.date;
      const end = i.kind === 'phase' ? known(i.end) : null;
      rows.push(
        new LazyRow(() => {
          const label = localText(i.label, lang, ctx.languages);
          const unknownEnd = i.kind === 'phase' && !end;
          const precisions = [start, end].filter((d): d is ShownDate => !!d);
          const duration = durationOf(i, ctx);
          const ids = itemSourceIds(i);
          return {
            text: [
              label,
              t.gantt[i.kind],
              g.short,
              start ? written(start, ctx) : t.unknownDate,
              unknownEnd ? t.gantt.endUnknown : end ? written(end, ctx) : '',
              duration.text,
              precisions.map((d) => precisionWord(d.precision, t)).join(' / '),
              src(ids),
            ],
            raw: [
              label,
              i.kind,
              g.id,
              start?.value ?? null,
              end?.value ?? null,
              duration.months,
              precisions.map((d) => d.precision).join(' / ') || null,
              sourcesRaw(sourcesOf(ctx.sources, ids)),
            ],
          };
        }),
      );
      const other = (which: 'start' | 'end', a: DateSpan, suffix: string, startDate?: DateSpan | null) => {
        const s = which === 'start' ? a : (startDate ?? null);
        const e = which === 'end' ? a : null;
        rows.push(
          new LazyRow(() => {
            const label = localText(i.label, lang, ctx.languages);
            return {
              className: 'alt',
              text: [
                `${label} (${suffix})`,
                t.gantt[i.kind],
                g.short,
                s ? written(s, ctx) : '',
                e ? written(e, ctx) : '',
                '',
                precisionWord(a.precision, t),
                src(a.sources),
              ],
              raw: [
                label,
                i.kind,
                g.id,
                s?.value ?? null,
                e?.value ?? null,
                null,
                a.precision,
                sourcesRaw(sourcesOf(ctx.sources, a.sources)),
              ],
            };
          }),
        );
      };
      const first = i.kind === 'phase' ? t.gantt.start : t.gantt.date;
      if (start?.alternatives.length)
        for (const a of start.alternatives) other('start', a, `${t.alsoReported}, ${first.toLowerCase()}`);
      if (end?.alternatives.length)
        for (const a of end.alternatives) other('end', a, `${t.alsoReported}, ${t.gantt.end.toLowerCase()}`);
      if (i.planned?.end) other('end', i.planned.end, t.gantt.planned, i.planned.start);
    }
  return {
    caption: localText(title, lang, ctx.languages),
    columns: [
      { label: t.gantt.item },
      { label: t.gantt.kind },
      { label: t.programme },
      { label: t.gantt.start },
      { label: t.gantt.end },
      { label: t.gantt.duration, numeric: true },
      { label: t.precision },
      { label: t.sources },
    ],
    rows,
  };
}
