import { describe, expect, it } from 'vitest';
import defaultJson from '../../data/parsec.json';
import { parseDataset } from '../schema/parse';
import type { Dataset } from '../schema/dataset';
import { isoSpan, isUnknown, monthsBetween, selectPhaseRows } from './phase-rows';
import { syntheticGantt } from '../../test/fixtures/synthetic-gantt';

const parsed = parseDataset(defaultJson);
if (!parsed.ok) throw new Error('default dataset invalid');
const data: Dataset = parsed.data;

describe('isoSpan', () => {
  it('spans a day, a month or a year at the date’s precision', () => {
    expect(isoSpan('2017-03-03')).toEqual({
      lo: Date.UTC(2017, 2, 3),
      hi: Date.UTC(2017, 2, 4),
      granularity: 'day',
    });
    expect(isoSpan('2017-07')).toEqual({
      lo: Date.UTC(2017, 6, 1),
      hi: Date.UTC(2017, 7, 1),
      granularity: 'month',
    });
    expect(isoSpan('2020')).toEqual({
      lo: Date.UTC(2020, 0, 1),
      hi: Date.UTC(2021, 0, 1),
      granularity: 'year',
    });
    expect(isoSpan('2019-12').hi).toBe(Date.UTC(2020, 0, 1));
  });
});

describe('selectPhaseRows', () => {
  const view = selectPhaseRows(data);

  it('groups every timeline item by programme, programmes first and context missions after', () => {
    expect(view.itemCount).toBe(data.timeline.length);
    const kinds = view.groups.map((g) => g.kind);
    expect(kinds.indexOf('context')).toBeGreaterThan(kinds.lastIndexOf('programme'));
    expect(view.groups[0]!.id).toBe('parsec');
    expect(view.groups.map((g) => g.id)).toContain('eutm-mali');
  });

  it('sorts items by start within a group', () => {
    const starts = view.groups[0]!.items.map((i) => i.start?.lo ?? i.date!.lo);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('keeps conflicting PARSEC dates as alternatives, never merged', () => {
    const overall = view.groups[0]!.items.find((i) => i.id === 'parsec-overall')!;
    expect(overall.start!.value).toBe('2017-01-30');
    expect(overall.start!.alternatives.map((a) => a.value)).toEqual(['2017-09']);
    const end = overall.end!;
    expect(isUnknown(end)).toBe(false);
    if (isUnknown(end)) return;
    expect(end.value).toBe('2020-07');
    expect(end.precision).toBe('derived');
    expect(end.granularity).toBe('month');
    expect(end.alternatives[0]!.value).toBe('2023-12');
    expect(end.alternatives[0]!.sources).toEqual(['W01']);
    expect(overall.durations.map((d) => d.months)).toEqual([42, 36]);
  });

  it('keeps an unknown end explicit, with the planned end beside it', () => {
    const p2 = view.groups[0]!.items.find((i) => i.id === 'parsec-phase-2-implementation')!;
    expect(isUnknown(p2.end)).toBe(true);
    expect(p2.planned?.end?.value).toBe('2020');
    expect(p2.after).toEqual(['parsec-phase-1-diagnostic']);
    expect(p2.place).toBe('mopti');
  });

  it('spans the whole data and the as-of date', () => {
    expect(view.domain[0]).toBe(Date.UTC(1985, 4, 6));
    expect(view.domain[1]).toBeGreaterThanOrEqual(Date.UTC(2024, 8, 1));
    expect(view.asOf.value).toBe('2024-09');
    const parsecGroup = view.groups[0]!;
    // the open phase runs up to the as-of date; the Civipol end (Dec 2023) is within the group's span
    expect(parsecGroup.span![1]).toBeGreaterThanOrEqual(Date.UTC(2024, 8, 1));
  });

  it('filters programmes and overrides the as-of date', () => {
    const v = selectPhaseRows(data, { programmes: ['mcd'], asOf: '2015-06-01' });
    expect(v.groups.map((g) => g.id)).toEqual(['mcd']);
    expect(v.itemCount).toBe(4);
    expect(v.asOf.lo).toBe(Date.UTC(2015, 5, 1));
  });

  it('reads a large synthetic dataset', () => {
    const r = parseDataset(syntheticGantt(1000));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(selectPhaseRows(r.data).itemCount).toBe(1000);
  });
});

describe('monthsBetween', () => {
  it('counts months between instants', () => {
    expect(monthsBetween(Date.UTC(2017, 0, 30), Date.UTC(2020, 7, 1))).toBe(42);
    expect(monthsBetween(Date.UTC(2017, 1, 1), Date.UTC(2017, 7, 1))).toBeCloseTo(6, 0);
  });
});
