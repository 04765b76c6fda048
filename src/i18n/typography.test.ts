import { describe, expect, it } from 'vitest';
import { en, fr } from './all';

/** Every string a table can produce: strings as they are, functions called with sample arguments. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const out: [string, string][] = [];
    for (const args of [
      [1, 2, 3],
      [2, 5, 7],
      ['X', 'Y', 'Z'],
    ]) {
      try {
        const r = (value as (...a: unknown[]) => unknown)(...args);
        out.push(...texts(r, `${path}(${args.join(',')})`));
      } catch {
        // a function that needs other arguments: its words are checked where they are used
      }
    }
    return out;
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

describe('typography of the string tables', () => {
  it('fr: a narrow no-break space before : ; ! ? and inside « », one apostrophe (’)', () => {
    const bad = texts(fr).filter(
      ([, s]) =>
        /[^\u202f][:;!?](\s|$)/.test(s.replace(/https?:\/\/\S+/g, '')) ||
        /«[^\u202f]|[^\u202f]»/.test(s) ||
        /'/.test(s),
    );
    expect(bad).toEqual([]);
  });

  it('en: no space before a colon, curly apostrophes', () => {
    const bad = texts(en).filter(([, s]) => /\s[:;]/.test(s) || /\w'\w/.test(s));
    expect(bad).toEqual([]);
  });

  it('fr: spoken amounts elide "de" only before a vowel', () => {
    expect(fr.spokenMoney('19 millions', 'EUR')).toBe('19 millions d’euros');
    expect(fr.spokenMoney('19 milliards', 'XOF')).toBe('19 milliards de francs CFA');
    expect(fr.spokenMoney('2 millions', 'SEK')).toBe('2 millions de SEK');
    expect(fr.spokenMoney('19', 'EUR')).toBe('19 euros');
  });
});
