import { describe, expect, it } from 'vitest';
import { readAmount, readCount, readDate, readDecimal, readList } from './cells';

describe('readAmount', () => {
  it('reads plain numbers', () => {
    expect(readAmount('29000000')).toEqual({ ok: true, value: 29000000 });
    expect(readAmount(' 0.5 ')).toEqual({ ok: true, value: 0.5 });
  });
  it('offers a fix for the notations people write, never reading them silently', () => {
    expect(readAmount('12,5 M')).toMatchObject({
      ok: false,
      expected: 'a number ≥ 0',
      fix: { value: '12500000' },
    });
    expect(readAmount('12,5 M€')).toMatchObject({ ok: false, fix: { value: '12500000' }, currency: 'EUR' });
    expect(readAmount('700 k€')).toMatchObject({ ok: false, fix: { value: '700000' }, currency: 'EUR' });
    expect(readAmount('1 200 000')).toMatchObject({ ok: false, fix: { value: '1200000' } });
    expect(readAmount('1\u202f200\u202f000 €')).toMatchObject({
      ok: false,
      fix: { value: '1200000' },
      currency: 'EUR',
    });
    expect(readAmount('1,200,000')).toMatchObject({ ok: false, fix: { value: '1200000' } });
    expect(readAmount('1.200.000,50')).toMatchObject({ ok: false, fix: { value: '1200000.5' } });
    expect(readAmount('3,3 milliards FCFA')).toMatchObject({
      ok: false,
      fix: { value: '3300000000' },
      currency: 'XOF',
    });
    expect(readAmount('0,7')).toMatchObject({
      ok: false,
      fix: { value: '0.7', reason: 'decimal comma read as a point' },
    });
  });
  it('offers nothing where the intent is not obvious', () => {
    for (const s of ['-5', 'about 5', 'soon', '12 M$', '1,2,3']) {
      const r = readAmount(s);
      expect(r.ok).toBe(false);
      expect(r.ok ? undefined : r.fix).toBeUndefined();
    }
  });
});

describe('readDate', () => {
  it('accepts ISO dates at day, month and year precision', () => {
    expect(readDate('2017-01-30')).toEqual({ ok: true, value: '2017-01-30' });
    expect(readDate('2017-07')).toEqual({ ok: true, value: '2017-07' });
    expect(readDate('2011')).toEqual({ ok: true, value: '2011' });
  });
  it('offers ISO for other notations, keeping the precision written', () => {
    expect(readDate('30/01/2017')).toMatchObject({
      ok: false,
      fix: { value: '2017-01-30', reason: 'read as day/month/year' },
    });
    expect(readDate('01/2017')).toMatchObject({ ok: false, fix: { value: '2017-01' } });
    expect(readDate('janvier 2017')).toMatchObject({ ok: false, fix: { value: '2017-01' } });
    expect(readDate('3 mars 2017')).toMatchObject({ ok: false, fix: { value: '2017-03-03' } });
    expect(readDate('1er juillet 2019')).toMatchObject({ ok: false, fix: { value: '2019-07-01' } });
    expect(readDate('2017-1-5')).toMatchObject({ ok: false, fix: { value: '2017-01-05' } });
    expect(readDate('12/31/2017')).toMatchObject({
      ok: false,
      fix: { value: '2017-12-31', reason: 'read as month/day/year' },
    });
    // both readings possible: offered as day/month, and the reason says so
    expect(readDate('02/03/2017')).toMatchObject({
      fix: { value: '2017-03-02', reason: expect.stringContaining('check') },
    });
  });
  it('offers nothing for impossible or unreadable dates', () => {
    expect(readDate('31/02/2017')).toEqual({
      ok: false,
      expected: 'a date like 2020-01-28, 2017-07 or 2011',
    });
    expect(readDate('soon').ok).toBe(false);
    expect(readDate('2017-02-30')).toMatchObject({ ok: false });
  });
});

describe('other cells', () => {
  it('reads coordinates and counts with a decimal comma or separators offered as fixes', () => {
    expect(readDecimal('14.4958', -90, 90)).toEqual({ ok: true, value: 14.4958 });
    expect(readDecimal('14,4958', -90, 90)).toMatchObject({ ok: false, fix: { value: '14.4958' } });
    expect(readDecimal('-4,1986', -180, 180)).toMatchObject({ ok: false, fix: { value: '-4.1986' } });
    expect(readDecimal('95', -90, 90)).toEqual({ ok: false, expected: 'a number from -90 to 90' });
    expect(readCount('6')).toEqual({ ok: true, value: 6 });
    expect(readCount('1 200')).toMatchObject({ ok: false, fix: { value: '1200' } });
    expect(readList('W01; W02,S000')).toEqual(['W01', 'W02', 'S000']);
  });
});
