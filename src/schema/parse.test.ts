import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { isIsoDate } from './dates';
import { describeValue, formatPath, parseDataset, parseDatasetText } from './parse';
import { convert } from './quantity';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(raw));

describe('isIsoDate(s)', () => {
  it('accepts day, month and year precision', () => {
    expect(['2017-03-03', '2017-07', '2011', '2020-02-29'].map(isIsoDate)).toEqual([true, true, true, true]);
  });
  it('rejects impossible and malformed dates', () => {
    expect(['2019-02-29', '2017-13', '2017-00', '17-03-03', 'soon', '2017-3-3', ''].map(isIsoDate)).toEqual(
      Array(7).fill(false),
    );
  });
});

describe('formatPath / describeValue', () => {
  it('writes JSON paths the way a reader types them', () => {
    expect(formatPath(['timeline', 3, 'end'])).toBe('timeline[3].end');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['meta', 'odd key'])).toBe('meta["odd key"]');
  });
  it('describes received values briefly', () => {
    expect([
      describeValue('soon'),
      describeValue(undefined),
      describeValue([1, 2]),
      describeValue({}),
      describeValue(null),
    ]).toEqual(['"soon"', 'nothing', 'a list of 2', 'an object', 'null']);
  });
});

describe('parseDataset(input)', () => {
  it('accepts the default dataset', () => {
    const r = parseDataset(raw);
    expect(r.ok).toBe(true);
  });

  it('does not change the input object', () => {
    const input = clone();
    const before = JSON.stringify(input);
    parseDataset(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('reports a bad date with its path, what was expected and what was received', () => {
    const d = clone() as { timeline: { end?: unknown; kind: string }[] };
    const i = d.timeline.findIndex((t) => t.kind === 'phase');
    d.timeline[i]!.end = { value: 'soon', precision: 'exact', sources: ['S001'] };
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({
      path: `timeline[${i}].end.value`,
      message: 'expected a date like 2020-01-28, 2017-07 or 2011, got "soon"',
    });
  });

  it('reports every problem, not only the first', () => {
    const d = clone() as { meta: { asOf: unknown }; budget: { amount: Record<string, unknown> }[] };
    d.meta.asOf = 2024;
    const line = d.budget.findIndex((b) => 'amount' in b.amount && typeof b.amount.amount === 'number');
    d.budget[line]!.amount.currency = 'usd';
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['meta.asOf', `budget[${line}].amount.currency`]),
    );
    expect(r.issues.find((i) => i.path === 'meta.asOf')!.message).toBe('expected a text, got 2024');
    expect(r.issues.find((i) => i.path.endsWith('currency'))!.message).toBe(
      'expected an ISO 4217 currency code of three capital letters, like "EUR", "XOF" or "USD", got "usd"',
    );
  });

  it('flags unknown fields (typos) instead of dropping them silently', () => {
    const d = clone() as { programmes: Record<string, unknown>[] };
    d.programmes[0]!.nmae = 'x';
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual({
        path: 'programmes[0].nmae',
        message: expect.stringContaining('unknown field'),
      });
  });

  it('checks cross-references: cited sources, programmes, places and the budget tree', () => {
    const d = clone() as {
      budget: { parent?: string | null; programme: string; id: string }[];
      facilities: { place: string; sources: string[] }[];
    };
    d.facilities[0]!.place = 'atlantis';
    d.facilities[0]!.sources = ['NOPE'];
    d.budget[0]!.programme = 'ghost';
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['facilities[0].place', 'facilities[0].sources[0]', 'budget[0].programme']),
    );
    expect(r.issues.find((i) => i.path === 'facilities[0].place')!.message).toBe(
      'expected the id of one of the places, got "atlantis"',
    );
  });

  it('detects a cycle in the budget tree', () => {
    const d = clone() as { budget: { id: string; parent?: string | null }[] };
    const [a, b] = [d.budget[0]!, d.budget[1]!];
    a.parent = b.id;
    b.parent = a.id;
    const r = parseDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.message.includes('cycle'))).toBe(true);
  });

  it('explains non-objects and empty objects', () => {
    const r1 = parseDataset('hello');
    expect(r1).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'expected an object, got "hello"' }],
      total: 1,
    });
    const r2 = parseDataset({});
    expect(r2.ok).toBe(false);
    // only meta and sources are required: the sections a widget draws may be left out
    if (!r2.ok) expect(r2.issues.map((i) => i.path)).toEqual(['meta', 'sources']);
  });
});

describe('parseDatasetText(text)', () => {
  it('reports JSON syntax errors at the root, and recognises an HTML error page', () => {
    const r = parseDatasetText('<!doctype html><h1>404</h1>');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]!.message).toMatch(
        /^expected JSON, got text that does not parse \(it looks like an HTML page/,
      );
    const t = parseDatasetText('{"meta": ');
    expect(t.ok).toBe(false);
  });
});

describe('money', () => {
  it('converts only through a rate the data states, either way round; null without one', () => {
    const rates = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg' as const, sources: ['S001'] }];
    expect(Math.round(convert(29_000_000, 'EUR', 'XOF', rates)! / 1e7) / 100).toBe(19.02);
    expect(convert(655_957, 'XOF', 'EUR', rates)).toBeCloseTo(1000, 9);
    expect(convert(655_957, 'XOF', 'EUR')).toBeNull();
    expect(convert(5, 'SEK', 'SEK')).toBe(5);
  });
});
