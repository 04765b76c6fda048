/**
 * The staff chart's data table, a module of its own: loaded (a dynamic import) when the table is first drawn in idle
 * time after the chart's paint, opened or exported — never in what a page loads at once (scripts/size.mjs checks).
 * @module
 */
import type { CooperantPost } from '../schema/dataset';
import type { CooperantYear } from '../select/cooperant-posts';
import type { CooperantContext, CooperantTableWords } from './cooperant';
import type { TableModel, TableRow, TableRows } from './types';

/**
 * A post's row of the table, made when first read (the screen reads 500 rows, exports all): a class, since a table of
 * 10,000 posts makes 10,000 of them at once (an object literal with getters costs several times more per row).
 */
class PostRow implements TableRow {
  #row: TableRow | undefined;
  constructor(
    private readonly make: (row: PostRow) => TableRow,
    readonly post: CooperantPost,
    readonly year: number,
    /** The role and the entity as written in the table, when made in order (a glossary term met first there). */
    readonly spelt: readonly [string, string] | undefined,
  ) {}
  get text(): string[] {
    return (this.#row ??= this.make(this)).text;
  }
  get raw(): TableRow['raw'] {
    return (this.#row ??= this.make(this)).raw;
  }
  get className(): string | undefined {
    return (this.#row ??= this.make(this)).className;
  }
}

/**
 * The data table: one row per itemised post and year, then per year the posts not itemised and the total. Raw cells:
 * the year and counts as numbers, the precision code, the source ids; the text cells name publishers. `w`:
 * `cooperantTableWords` of describe/cooperant.ts and the late chunk's `tableRows`.
 */
export function cooperantTable(
  years: readonly CooperantYear[],
  ctx: CooperantContext,
  w: CooperantTableWords & TableRows,
): TableModel {
  const {
    entityText,
    firstUse,
    formatInteger,
    formatReported,
    localText,
    placeName,
    rankLabel,
    serviceLabel,
    sourcesOf,
    sourcesRaw,
    sourcesText,
    staffTitle,
  } = w;
  const t = ctx.t;
  const c = t.cooperant;
  const lang = ctx.lang;
  const rows: TableRow[] = [];
  const words = firstUse(ctx.glossary, lang);
  const src = (ids: readonly string[]) => {
    const list = sourcesOf(ctx.sources, ids);
    return { text: sourcesText(list), raw: sourcesRaw(list) };
  };
  /** A post's row, made when first read: its role and entity as the reader first meets them (`spelt`), if made early. */
  const postRow = (row: PostRow): TableRow => {
    const p = row.post;
    const year = row.year;
    const role = localText(p.role, lang, ctx.languages);
    const e = ctx.entities.get(p.entity);
    const entity = e ? localText(e.name, lang, ctx.languages) : p.entity;
    const place = placeName(p.place, ctx);
    const s = src(p.sources);
    return {
      text: [
        row.spelt ? row.spelt[0] : role,
        String(year),
        row.spelt ? row.spelt[1] : entityText(p.entity, ctx),
        rankLabel(ctx, p.rank),
        serviceLabel(ctx, p.service),
        place,
        formatInteger(1, lang),
        t.exact,
        s.text,
      ],
      raw: [
        role,
        year,
        entity,
        p.rank === 'not-stated' ? null : rankLabel(ctx, p.rank),
        p.service === 'not-stated' ? null : serviceLabel(ctx, p.service),
        p.place === null ? null : place,
        1,
        'exact',
        s.raw,
      ],
    };
  };
  for (const y of years) {
    for (const u of y.units) {
      const p = u.post;
      if (!p) continue;
      // abbreviations spelt out where a reader first meets them, row by row (in order: made now, the rest lazily);
      // once every term is met, nothing is left to spell out and the whole row is made when read
      const spelt: readonly [string, string] | undefined = words.done
        ? undefined
        : [words.expand(localText(p.role, lang, ctx.languages)), words.expand(entityText(p.entity, ctx))];
      rows.push(new PostRow(postRow, p, y.year, spelt));
    }
    if (y.notItemised) {
      const precision = y.total?.precision === 'approx' ? 'approx' : 'derived';
      const n = formatReported({ kind: 'count', value: y.notItemised, precision }, lang);
      const s = src(y.total?.sources ?? []);
      rows.push({
        text: [
          t.notItemised,
          String(y.year),
          t.notStated,
          t.notStated,
          t.notStated,
          t.notStated,
          n.short,
          n.precisionText,
          s.text,
        ],
        raw: [t.notItemised, y.year, null, null, null, null, y.notItemised, precision, s.raw],
        className: 'not-itemised',
      });
    }
    if (y.total) {
      const n = formatReported(
        { kind: 'count', value: y.total.value, precision: y.total.precision, bound: y.total.bound },
        lang,
      );
      const s = src(y.total.sources);
      const head = y.overflow ? `${c.total} (${c.overflow})` : c.total;
      rows.push({
        text: [head, String(y.year), '', '', '', '', n.short, n.precisionText, s.text],
        raw: [head, y.year, null, null, null, null, y.total.value, y.total.precision, s.raw],
        className: 'total',
      });
    }
  }
  return {
    caption: staffTitle(ctx),
    columns: [
      { label: c.role },
      { label: c.year, numeric: true },
      { label: c.entity },
      { label: c.rank },
      { label: c.service },
      { label: c.place },
      { label: c.count, numeric: true },
      { label: t.precision },
      { label: t.sources },
    ],
    rows,
  };
}
