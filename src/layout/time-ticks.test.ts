import { utcTicks } from 'd3';
import { describe, expect, it } from 'vitest';
import { utcCalendarTicks } from './time-ticks';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString().slice(0, 10));
const T = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('utcCalendarTicks(start, stop, count)', () => {
  it('gives year ticks on round years for long windows, like d3.utcTicks', () => {
    const a = utcCalendarTicks(T('1984-02-01'), T('2025-12-31'), 8);
    expect(iso(a)).toEqual(iso(utcTicks(new Date(T('1984-02-01')), new Date(T('2025-12-31')), 8)));
    expect(iso(a)[0]).toBe('1985-01-01');
  });
  it('agrees with d3.utcTicks from days to centuries', () => {
    const windows = [
      ['2019-07-01', '2019-08-20'],
      ['2019-03-15', '2019-07-20'],
      ['2019-01-01', '2020-12-31'],
      ['2016-06-01', '2021-03-01'],
      ['1984-02-01', '2025-12-31'],
      ['1900-01-01', '2030-01-01'],
    ];
    for (const [a, b] of windows)
      for (const count of [3, 6, 10])
        expect(iso(utcCalendarTicks(T(a!), T(b!), count)), `${a}…${b} ×${count}`).toEqual(
          iso(utcTicks(new Date(T(a!)), new Date(T(b!)), count)),
        );
  });
  it('gives quarters, months and days for shorter windows', () => {
    expect(iso(utcCalendarTicks(T('2019-01-01'), T('2020-12-31'), 8))).toEqual([
      '2019-01-01',
      '2019-04-01',
      '2019-07-01',
      '2019-10-01',
      '2020-01-01',
      '2020-04-01',
      '2020-07-01',
      '2020-10-01',
    ]);
    expect(iso(utcCalendarTicks(T('2019-03-15'), T('2019-07-20'), 6))).toEqual([
      '2019-04-01',
      '2019-05-01',
      '2019-06-01',
      '2019-07-01',
    ]);
    expect(iso(utcCalendarTicks(T('2019-07-10'), T('2019-07-14'), 10))).toEqual([
      '2019-07-10',
      '2019-07-11',
      '2019-07-12',
      '2019-07-13',
      '2019-07-14',
    ]);
  });
  it('gives about count ticks (at most twice as many), and none for an empty window', () => {
    for (const count of [2, 5, 10])
      expect(utcCalendarTicks(T('2000-01-01'), T('2024-01-01'), count).length).toBeLessThanOrEqual(2 * count);
    expect(utcCalendarTicks(T('2020-01-01'), T('2020-01-01'), 5)).toEqual([]);
  });
});
