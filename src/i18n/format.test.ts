import { describe, expect, it } from 'vitest';
import { en, fr } from './all';
import { formatReported, precisionWord } from './format';

describe('precisionWord', () => {
  it('names each precision in the language of the string table', () => {
    expect(precisionWord('exact', en)).toBe('exact');
    expect(precisionWord('approx', fr)).toBe(fr.approx);
    expect(precisionWord('derived', en)).toBe(en.derived);
    expect(precisionWord(undefined, en)).toBe('');
  });
});

describe('formatReported', () => {
  it('writes money with its hedge, and reads it aloud', () => {
    const r = formatReported(
      { kind: 'money', amount: 700000, currency: 'EUR', precision: 'approx', bound: 'about' },
      'en',
    );
    expect(r.short).toBe('≈ €700K');
    expect(r.spoken).toBe('about 700 thousand euros');
    expect(r.precision).toBe('approx');
    const fr1 = formatReported({ kind: 'money', amount: 29e6, currency: 'EUR', precision: 'exact' }, 'fr');
    expect(fr1.short).toMatch(/^29\sM\s€$/);
    expect(fr1.spoken).toBe('29 millions d’euros');
  });

  it('marks a conversion as derived, and an amount shown in its own currency as the source gave it', () => {
    const xof = { kind: 'money', amount: 2e9, currency: 'XOF', precision: 'exact' } as const;
    expect(formatReported(xof, 'en', 'XOF')).toMatchObject({
      precision: 'exact',
      spoken: '2 billion CFA francs',
    });
    const peg = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg' as const, sources: ['T1'] }];
    const eur = formatReported(xof, 'en', 'EUR', peg);
    expect(eur.precision).toBe('derived');
    expect(eur.short).toMatch(/^€3\.0\dM\*$/);
    expect(eur.spoken).toMatch(/\(derived/);
    // no rate stated: the amount stays in its own currency, as the source gave it
    expect(formatReported(xof, 'en', 'EUR')).toMatchObject({
      precision: 'exact',
      short: expect.stringMatching(/CFA\s?2B$/u),
    });
  });

  it('writes counts with bounds and ranges', () => {
    expect(
      formatReported({ kind: 'count', value: 10, precision: 'approx', bound: 'about' }, 'fr').short,
    ).toBe('≈ 10');
    expect(
      formatReported({ kind: 'count', value: 14, precision: 'exact', bound: 'at-least' }, 'en'),
    ).toMatchObject({
      short: '> 14',
      spoken: 'more than 14',
    });
    expect(
      formatReported({ kind: 'count', value: 4, max: 6, precision: 'approx', bound: 'range' }, 'en').short,
    ).toBe('4–6');
  });

  it('writes dates at their own precision', () => {
    expect(formatReported({ kind: 'date', value: '2017-03-03', precision: 'exact' }, 'en').short).toBe(
      'March 3, 2017',
    );
    expect(formatReported({ kind: 'date', value: '2017-07', precision: 'approx' }, 'fr')).toMatchObject({
      short: '≈ juillet 2017',
      spoken: 'environ juillet 2017',
    });
    expect(formatReported({ kind: 'date', value: '2011', precision: 'derived' }, 'en').short).toBe('2011*');
  });

  it('keeps the region for Intl: en-GB writes 3 March 2017, en-US March 3, 2017, both with English words', () => {
    const d = { kind: 'date', value: '2017-03-03', precision: 'approx' } as const;
    expect(formatReported(d, 'en-GB')).toMatchObject({
      short: '≈ 3 March 2017',
      spoken: 'about 3 March 2017',
    });
    expect(formatReported(d, 'en-US')).toMatchObject({
      short: '≈ March 3, 2017',
      spoken: 'about March 3, 2017',
    });
    expect(formatReported(d, 'fr-ML').short).toBe('≈ 3 mars 2017');
  });
});
