import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import raw from '../../data/parsec.json';
import '../components/budget-treemap/budget-treemap';
import '../components/phase-gantt/phase-gantt';
import '../components/facility-map/facility-map';
import '../components/cooperant-chart/cooperant-chart';
import type { ParsecElement } from '../components/base/parsec-element';
import { loaded } from '../../test/mount';

/**
 * A seeded fuzz test: mutated copies of the default dataset through the four widgets, by the `data` property and, for
 * one case in eight, by `src`. Every case must draw, show the empty state, or show a readable error with a JSON path;
 * never an uncaught error, a console error, a blank widget, NaN in the SVG, a hang, or script run from data.
 */
const SEED = 0x5eed16;
const CASES = 400;
const SRC_EVERY = 8;
const TAGS = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its number. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: unknown[] = [
  null,
  '',
  ' ',
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 - 1,
  1e7,
  0.5,
  NaN,
  Infinity,
  true,
  [],
  {},
  'x'.repeat(20_000),
  '<img src=x onerror="window.__pwned=1">',
  '</text><script>window.__pwned=1</script>',
  '\u0000\uffff\u202e',
  '\ud800',
  '🇫🇷🇲🇱'.repeat(40),
  'مرحبا بالعالم',
  '2020-02-30',
  '0000',
  '9999-12-31',
  'S001',
  '__proto__',
  { unknown: true },
  { en: '' },
  { fr: 'x' },
];
const TEXTS = [
  '',
  'x'.repeat(3000),
  '🇫🇷🇲🇱👩🏽‍🚀'.repeat(30),
  'مرحبا بالعالم — שלום',
  '<b>not html</b> & "quotes" \'single\'',
  '\u0000\u0007\uffff\ud800 control',
  'A'.repeat(60) + ' ' + 'B'.repeat(60),
  '\n\t  spaces  \n',
];
const NUMBERS = [0, 1, 0.001, 1e6, 1e12, 1e15, 123456789.123];
const DATES = ['1900', '2100-12-31', '2011-02', '1970-01-01', '2024-02-29'];

interface Slot {
  parent: Json;
  key: string | number;
}
/** Every property of the dataset, with its parent (an iterative walk). */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const node = stack.pop();
    const keys: (string | number)[] = Array.isArray(node)
      ? node.map((_: unknown, i: number) => i)
      : Object.keys(node);
    for (const key of keys) {
      out.push({ parent: node, key });
      let v: unknown;
      try {
        v = node[key];
      } catch {
        continue; // a throwing getter put there by an earlier mutation
      }
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
  return out;
}

let getterPending = false;
const BIG = [1e308, Number.MAX_VALUE, 2 ** 53 - 1, 1e7, 1e20, NaN, Infinity, -0, 5e-324];

/** Mutations aimed where the widgets compute: amounts, counts, ids, getters, very many errors. */
function targeted(d: Json, rand: () => number, pick: <T>(list: readonly T[]) => T): string {
  const kind = Math.floor(rand() * 7);
  if (kind === 0 || kind === 1) {
    // two amounts at once: sums overflow where one alone does not
    const lines: Json[] = d.budget.filter((b: Json) => typeof b.amount?.amount === 'number');
    const v = pick(BIG);
    for (const b of [pick(lines), pick(lines)]) if (b) b.amount.amount = v;
    return `two amounts = ${v}`;
  }
  if (kind === 2) {
    const t = pick(d.cooperants.totals as Json[]);
    const v = pick([1e7, 2 ** 53 - 1, 100_000, 60_000, 1e5 + 1]);
    t.count.value = v;
    return `cooperant total = ${v}`;
  }
  if (kind === 3) {
    const list = pick([d.cooperants.posts, d.budget, d.timeline, d.places, d.facilities] as Json[][]);
    list.push(structuredClone(pick(list)));
    return 'duplicate id';
  }
  if (kind === 4) {
    // a getter that throws (only the data property carries one; JSON drops it): put in last, see mutate()
    getterPending = true;
    return 'throwing getter';
  }
  if (kind === 5) {
    const text = pick(d.programmes as Json[]);
    text.short = '🇫🇷🇲🇱'.repeat(30) + '\ud800\u0000\uffff';
    return 'flags and lone surrogate in a short name';
  }
  // many shape errors at once (zod overflows the stack past ~50,000 in one list)
  d.budget = Array.from({ length: 15_000 + Math.floor(rand() * 10_000) }, () => ({}));
  return `${d.budget.length} empty budget lines`;
}

/** Applies 1 to 3 mutations; returns what was done, to replay a failure. */
function mutate(d: Json, rand: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const done: string[] = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let m = 0; m < n; m++) {
    const all = slots(d);
    const arrays = all.filter((s) => Array.isArray(s.parent[s.key]));
    const op = rand();
    if (rand() < 0.2) {
      done.push(targeted(d, rand, pick));
      continue;
    }
    if (op < 0.22) {
      const s = pick(all);
      const v = pick(HOSTILE);
      s.parent[s.key] = v && typeof v === 'object' ? structuredClone(v) : v;
      done.push(`set ${String(s.key)} = ${String(v).slice(0, 20)}`);
    } else if (op < 0.32) {
      const s = pick(all.filter((x) => !Array.isArray(x.parent)));
      delete s.parent[s.key];
      done.push(`delete ${String(s.key)}`);
    } else if (op < 0.42) {
      const s = pick(arrays);
      const list = s.parent[s.key];
      if (list.length) list.push(structuredClone(pick(list)));
      done.push(`duplicate an item of ${String(s.key)}`);
    } else if (op < 0.48) {
      const s = pick(arrays);
      s.parent[s.key] = [];
      done.push(`empty ${String(s.key)}`);
    } else if (op < 0.56) {
      // grow a list with renamed copies (valid where ids are the only unique field)
      const s = pick(arrays);
      const list = s.parent[s.key];
      const times = 1 + Math.floor(rand() * 20);
      const copies: Json[] = [];
      for (let k = 0; k < times && list.length; k++) {
        const c: Json = structuredClone(pick(list));
        if (c && typeof c.id === 'string') c.id = `${c.id}-fz${k}`;
        copies.push(c);
      }
      list.push(...copies);
      done.push(`grow ${String(s.key)} by ${copies.length}`);
    } else if (op < 0.64) {
      const refs = all.filter(
        (s) =>
          ['programme', 'place', 'entity', 'parent', 'handoverPlace'].includes(String(s.key)) ||
          (Array.isArray(s.parent) && typeof (s.parent as Json)[s.key] === 'string'),
      );
      const s = pick(refs);
      s.parent[s.key] = pick(['nope', 'S999', '', 'parsec']);
      done.push(`reference ${String(s.key)} → ${String(s.parent[s.key])}`);
    } else if (op < 0.82) {
      const texts = all.filter((s) => ['en', 'fr', 'short', 'note'].includes(String(s.key)));
      const s = pick(texts);
      s.parent[s.key] = pick(TEXTS);
      done.push(`text ${String(s.key)}`);
    } else if (op < 0.92) {
      const nums = all.filter((s) => typeof s.parent[s.key] === 'number');
      const s = pick(nums);
      s.parent[s.key] = pick(NUMBERS);
      done.push(`number ${String(s.key)} = ${String(s.parent[s.key])}`);
    } else {
      const dates = all.filter((s) => s.key === 'value' && typeof s.parent[s.key] === 'string');
      const s = pick(dates);
      if (s) s.parent[s.key] = pick(DATES);
      done.push(`date ${s ? String(s.parent[s.key]) : '-'}`);
    }
  }
  if (getterPending && Array.isArray(d.programmes) && d.programmes.length) {
    getterPending = false;
    Object.defineProperty(pick(d.programmes as Json[]), 'name', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
  }
  getterPending = false;
  return done;
}

const uncaught: string[] = [];
const consoleErrors: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(String(e.message));
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(errorText(e.reason));
/** Error text of whatever was thrown or logged. */
function errorText(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (v && typeof v === 'object' && 'reason' in v) return errorText((v as PromiseRejectionEvent).reason);
  return String(v);
}
beforeAll(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  vi.spyOn(console, 'error').mockImplementation(
    (...a: unknown[]) => void consoleErrors.push(a.map(errorText).join(' ')),
  );
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  vi.restoreAllMocks();
});

type Outcome = 'drawn' | 'empty' | 'error' | 'blank' | 'nan' | 'no-path';
function outcome(el: ParsecElement<unknown>): Outcome {
  const root = el.shadowRoot!;
  const svg = root.querySelector('svg[part="svg"]');
  if (svg) return /="[^"]*\b(NaN|Infinity)\b/.test(svg.outerHTML) ? 'nan' : 'drawn';
  if (root.querySelector('.state.empty')) return 'empty';
  const alert = root.querySelector('[role="alert"]');
  if (alert && alert.textContent!.trim().length > 10)
    return alert.querySelector('code') ? 'error' : 'no-path';
  return 'blank';
}

async function settle(el: ParsecElement<unknown>): Promise<number> {
  const t = performance.now();
  try {
    await el.updateComplete;
    if ((el as Json).loader.state.status === 'ready') await el.tableComplete;
  } catch (e) {
    uncaught.push(`update threw: ${(e as Error).message}`);
  }
  return performance.now() - t;
}

describe('fuzz: mutated datasets through the four widgets', () => {
  it(`${CASES} seeded cases (seed ${SEED}), by data and by src`, { timeout: 180_000 }, async () => {
    const wrap = document.createElement('div');
    wrap.style.width = '640px';
    document.body.append(wrap);
    const make = (tag: string) => {
      const el = document.createElement(tag) as ParsecElement<unknown>;
      el.setAttribute('loading', 'eager');
      wrap.append(el);
      return el;
    };
    const byData = TAGS.map(make);
    const bySrc = TAGS.map(make);
    await Promise.all([...byData, ...bySrc].map(settle));
    // the default dataset and the map's base map come from their own chunks: the first render waits for them
    await Promise.all([...byData, ...bySrc].map(loaded));

    const rand = rng(SEED);
    const counts: Record<Outcome, number> = { drawn: 0, empty: 0, error: 0, blank: 0, nan: 0, 'no-path': 0 };
    const failures: string[] = [];
    let slowest = 0;
    let srcCases = 0;
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      const d = structuredClone(raw) as Json;
      const what = mutate(d, rand);
      const before = uncaught.length + consoleErrors.length;
      const viaSrc = i % SRC_EVERY === 0;
      const els = byData;
      for (const el of els) {
        el.data = d;
        slowest = Math.max(slowest, await settle(el));
      }
      if (viaSrc) {
        srcCases++;
        const el = bySrc[(i / SRC_EVERY) % bySrc.length]!;
        let json: string;
        try {
          json = JSON.stringify(d);
        } catch {
          json = '{"not": "serialisable"}';
        }
        const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
        el.src = url;
        await settle(el);
        for (let k = 0; k < 200 && (el as Json).loader.state.status === 'loading'; k++)
          await new Promise((r) => setTimeout(r, 10));
        slowest = Math.max(slowest, await settle(el));
        URL.revokeObjectURL(url);
        els.push(el);
      }
      for (const el of viaSrc ? [...byData, els.at(-1)!] : byData) {
        // a map whose places moved beyond the bundled geometry waits for the world's outlines (a chunk of their own)
        await loaded(el);
        const o = outcome(el);
        counts[o]++;
        if (o === 'blank' || o === 'nan' || o === 'no-path')
          failures.push(
            `case ${i} <${el.localName}>${el === els.at(-1) && viaSrc ? ' src' : ''}: ${o} after ${what.join('; ')}`,
          );
      }
      if (viaSrc) els.pop();
      if (uncaught.length + consoleErrors.length > before)
        failures.push(
          `case ${i}: ${[...uncaught, ...consoleErrors].slice(before).join(' | ').slice(0, 300)} after ${what.join('; ')}`,
        );
    }
    wrap.remove();
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `fuzz: ${CASES} datasets (${srcCases} also by src), outcomes ${JSON.stringify(counts)}, ` +
        `slowest update ${Math.round(slowest)} ms, ${seconds.toFixed(1)} s`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(uncaught).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect((window as Json).__pwned).toBeUndefined();
    expect(counts.drawn).toBeGreaterThan(CASES);
    expect(counts.error).toBeGreaterThan(CASES / 4);
    expect(slowest).toBeLessThan(5000);
  });
});
