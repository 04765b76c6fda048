import { afterEach, describe, expect, it } from 'vitest';
import { largeGenerated, malmoCity, nigerPolice, oneLine } from '../../test/fixtures/any-programme';
import { en, registerTranslation, translationFor, translations } from '../i18n';
import { parseDataset } from './parse';
import { convert } from './quantity';
import { pickText } from './text';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (d: unknown): Json => structuredClone(d);
const issues = (d: unknown) => {
  const r = parseDataset(d);
  return r.ok ? [] : r.issues;
};

describe('open vocabularies (issue 13)', () => {
  it('accepts the datasets of other programmes written from the docs', () => {
    for (const d of [nigerPolice, malmoCity, oneLine, largeGenerated({ facilities: 50, posts: 20 })])
      expect(issues(clone(d))).toEqual([]);
  });

  it('takes any ISO 4217 code, and refuses what is not one, at its path', () => {
    const d = clone(oneLine);
    d.budget[0].amount.currency = 'CHF';
    expect(issues(d)).toEqual([]);
    d.budget[0].amount.currency = 'usd';
    expect(issues(d)).toEqual([
      {
        path: 'budget[0].amount.currency',
        message: expect.stringMatching(/^expected an ISO 4217 currency code.*got "usd"$/),
      },
    ]);
  });

  it('converts only through a stated rate, either way round, and needs the rate cited', () => {
    const rates = nigerPolice.rates as Json;
    expect(convert(655.957, 'XOF', 'EUR', rates)).toBeCloseTo(1, 9);
    expect(convert(1, 'EUR', 'XOF', rates)).toBe(655.957);
    expect(convert(1, 'EUR', 'SEK', rates)).toBeNull();
    const d = clone(nigerPolice);
    d.rates[0].sources = ['nowhere'];
    expect(issues(d)).toContainEqual({
      path: 'rates[0].sources[0]',
      message: expect.stringContaining('sources'),
    });
    d.rates[0].sources = [];
    expect(issues(d).map((i) => i.path)).toContain('rates[0].sources');
  });

  it('knows the built-in kinds and statuses (cancelled among them)', () => {
    const d = clone(largeGenerated({ facilities: 10, posts: 4 }));
    expect(d.facilities.some((f: Json) => f.status === 'cancelled')).toBe(true);
    expect(issues(d)).toEqual([]);
  });

  it('refuses an undeclared kind, status, rank or service at its path, naming where to declare it', () => {
    const d = clone(nigerPolice);
    d.places[0].kind = 'village';
    d.facilities[0].kind = 'boats';
    d.facilities[0].status = 'abandoned';
    d.cooperants.posts[0].rank = 'general';
    d.cooperants.posts[0].service = 'navy';
    expect(issues(d)).toEqual([
      {
        path: 'places[0].kind',
        message: expect.stringMatching(
          /place kind .*capital.* or one declared in vocabulary\.placeKinds, got "village"/,
        ),
      },
      { path: 'facilities[0].kind', message: expect.stringContaining('vocabulary.facilityKinds') },
      { path: 'facilities[0].status', message: expect.stringContaining('vocabulary.statuses') },
      { path: 'cooperants.posts[0].rank', message: expect.stringContaining('vocabulary.ranks') },
      { path: 'cooperants.posts[0].service', message: expect.stringContaining('vocabulary.services') },
    ]);
  });

  it('refuses a declared value twice, or a built-in one declared again', () => {
    const d = clone(nigerPolice);
    d.vocabulary.ranks.push({ id: 'officer', label: { en: 'Officer' } });
    expect(issues(d)).toEqual([
      { path: 'vocabulary.ranks[2].id', message: expect.stringContaining('built in') },
    ]);
  });

  it('takes text in any BCP 47 language, and refuses a key that is not a language tag', () => {
    const d = clone(malmoCity);
    d.meta.title = { 'de-CH': 'Test' };
    expect(issues(d)).toEqual([]);
    d.meta.title = { 'not a tag': 'x' };
    expect(issues(d).map((i) => i.path)).toEqual([expect.stringMatching(/^meta\.title/)]);
    d.meta.title = {};
    expect(issues(d).map((i) => i.path)).toEqual(['meta.title']);
  });
});

describe('the language fallback chain: requested → primary subtag → the dataset’s languages → the text’s first', () => {
  it('picks', () => {
    const t = { fr: 'Bonjour', en: 'Hello' };
    expect(pickText(t, 'fr-ML')).toBe('Bonjour');
    expect(pickText(t, 'EN')).toBe('Hello');
    expect(pickText({ 'en-GB': 'Colour' }, 'en')).toBe('Colour');
    expect(pickText({ sv: 'Hej' }, 'fr')).toBe('Hej');
    expect(pickText(t, 'de', ['en', 'fr'])).toBe('Hello');
    expect(pickText(t, 'de')).toBe('Bonjour');
    expect(pickText(undefined, 'fr')).toBe('');
  });
});

describe('registerTranslation', () => {
  afterEach(() => delete translations.de);
  it('adds a language’s strings, typed, used for its regional variants too', () => {
    expect(translationFor('de-CH')).toBe(en);
    const de = { ...en, $code: 'de', loading: 'Daten werden geladen…' };
    registerTranslation('de', de);
    expect(translationFor('de-CH').loading).toBe('Daten werden geladen…');
    expect(translationFor('de')).toBe(de);
  });
});
