import { afterEach, describe, expect, it } from 'vitest';
import { nigerPolice } from '../../../test/fixtures/any-programme/niger-police';
import { loaded, wrapOf } from '../../../test/mount';
import '../budget-treemap/budget-treemap';
import '../phase-gantt/phase-gantt';
import '../facility-map/facility-map';
import '../cooperant-chart/cooperant-chart';
import '../dataset/dataset';
import type { ParsecDataErrorEvent } from '../../events/data-error';
import { restChecksSettled } from '../../controllers/dataset';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import type { ParsecElement } from './parsec-element';

/** Errors scoped: a broken section blocks only the widgets that read it; an absent one is their empty state. */

type Widget = ParsecElement<unknown>;
type Json = ReturnType<typeof niger>;
const TAGS = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];
const niger = () => structuredClone(nigerPolice);
const title = nigerPolice.meta.title.en;

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

/** The four widgets given `data`, each drawn (or in its final state); their `parsec-data-error` events. */
async function mountAll(data: unknown, lang = 'en') {
  const wrap = wrapOf(768);
  const events = new Map<string, ParsecDataErrorEvent[]>();
  const els = TAGS.map((tag) => {
    const el = document.createElement(tag) as Widget;
    el.setAttribute('lang', lang);
    el.setAttribute('loading', 'eager');
    events.set(tag, []);
    el.addEventListener('parsec-data-error', (e) => events.get(tag)!.push(e));
    el.data = structuredClone(data) as Widget['data'];
    wrap.append(el);
    return el;
  });
  for (const el of els) {
    await el.updateComplete;
    await loaded(el);
    await el.updateComplete;
  }
  // the sections a widget does not read are checked in idle time after its first frame: their problems then
  await restChecksSettled();
  await new Promise((r) => setTimeout(r, 0));
  const byTag = Object.fromEntries(els.map((el) => [el.localName, el])) as Record<string, Widget>;
  return { els: byTag, events };
}

const drawn = (el: Widget) =>
  !el.shadowRoot!.querySelector('.state') &&
  !!el.shadowRoot!.querySelector('[part="title"]')?.textContent?.includes(title);
const errorPaths = (el: Widget) =>
  [...el.shadowRoot!.querySelectorAll('.state.error[role="alert"] li code')].map((c) => c.textContent);

describe('a broken section blocks only the widgets that read it', () => {
  it('broken cooperants: the treemap, the Gantt and the map draw; the staff chart shows the error with its path', async () => {
    const d: Json = niger();
    (d.cooperants.posts[1] as { years: number[] }).years = [];
    const { els, events } = await mountAll(d);
    expect(drawn(els['parsec-budget-treemap']!)).toBe(true);
    expect(drawn(els['parsec-phase-gantt']!)).toBe(true);
    expect(drawn(els['parsec-facility-map']!)).toBe(true);
    const staff = els['parsec-cooperant-chart']!;
    expect(drawn(staff)).toBe(false);
    expect(staff.shadowRoot!.querySelector('.state.error .plain')?.textContent).toBe(en.errorInvalid);
    expect(errorPaths(staff)).toEqual(['cooperants.posts[1].years']);
    // every widget tells the page, with every problem and the broken sections
    for (const tag of TAGS) {
      expect(events.get(tag), tag).toHaveLength(1);
      expect(events.get(tag)![0]!.detail).toMatchObject({
        stage: 'schema',
        sections: ['cooperants'],
        issues: [{ path: 'cooperants.posts[1].years' }],
      });
    }
  });

  it('the sections a widget does not read are checked after its first frame, then reported', async () => {
    const d: Json = niger();
    (d.cooperants.posts[1] as { years: number[] }).years = [];
    const wrap = wrapOf(768);
    const el = document.createElement('parsec-budget-treemap') as Widget;
    el.setAttribute('loading', 'eager');
    const events: ParsecDataErrorEvent[] = [];
    el.addEventListener('parsec-data-error', (e) => events.push(e));
    el.data = d as Widget['data'];
    wrap.append(el);
    await el.updateComplete;
    // drawn in its first update, before any frame: the unread sections wait for the browser to be idle after it
    expect(drawn(el)).toBe(true);
    // nor in the task that follows its frame (where a page measures its first paint)
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    expect(events).toEqual([]);
    await restChecksSettled();
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({
      sections: ['cooperants'],
      issues: [{ path: 'cooperants.posts[1].years' }],
    });
    expect(drawn(el)).toBe(true);
  });

  it('a broken place: the treemap and the Gantt draw; the map and the staff chart, which read places, do not', async () => {
    const d: Json = niger();
    (d.places[0] as { lat: unknown }).lat = 'north';
    const { els } = await mountAll(d);
    expect(drawn(els['parsec-budget-treemap']!)).toBe(true);
    expect(drawn(els['parsec-phase-gantt']!)).toBe(true);
    expect(errorPaths(els['parsec-facility-map']!)).toEqual(['places[0].lat']);
    expect(errorPaths(els['parsec-cooperant-chart']!)).toEqual(['places[0].lat']);
  });

  it('a budget line in a form the schema refuses blocks only the treemap (fr: its words in French)', async () => {
    const d: Json = niger();
    (d.budget[0]!.amount as { currency: unknown }).currency = 'euros';
    const { els } = await mountAll(d, 'fr');
    const treemap = els['parsec-budget-treemap']!;
    expect(treemap.shadowRoot!.querySelector('.state.error .plain')?.textContent).toBe(fr.errorInvalid);
    expect(errorPaths(treemap)).toEqual(['budget[0].amount.currency']);
    for (const tag of TAGS.slice(1)) {
      const el = els[tag]!;
      expect(el.shadowRoot!.querySelector('.state'), tag).toBeNull();
      expect(el.shadowRoot!.querySelector('[part="title"]')?.textContent).toContain(
        nigerPolice.meta.title.fr,
      );
    }
  });

  it('the same through src and inline JSON: the treemap draws, the staff chart shows the path', async () => {
    const d: Json = niger();
    (d.cooperants.posts[1] as { years: number[] }).years = [];
    const text = JSON.stringify(d);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const script = `<script type="application/json">${text.replace(/</g, '\\u003c')}</script>`;
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.style.width = '768px';
    wrap.innerHTML = [
      `<parsec-budget-treemap loading="eager" src="${url}"></parsec-budget-treemap>`,
      `<parsec-cooperant-chart loading="eager" src="${url}"></parsec-cooperant-chart>`,
      `<parsec-budget-treemap loading="eager">${script}</parsec-budget-treemap>`,
      `<parsec-cooperant-chart loading="eager">${script}</parsec-cooperant-chart>`,
    ].join('');
    document.body.append(wrap);
    const els = [...wrap.children] as Widget[];
    try {
      for (const el of els) {
        await el.updateComplete;
        await loaded(el);
        await el.updateComplete;
      }
      expect(drawn(els[0]!), 'treemap from src').toBe(true);
      expect(errorPaths(els[1]!), 'staff chart from src').toEqual(['cooperants.posts[1].years']);
      expect(drawn(els[2]!), 'treemap from inline JSON').toBe(true);
      expect(errorPaths(els[3]!), 'staff chart from inline JSON').toEqual(['cooperants.posts[1].years']);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('meta broken concerns every widget: all four show the error', async () => {
    const d: Json = niger();
    (d.meta as { asOf: unknown }).asOf = 'soon';
    const { els, events } = await mountAll(d);
    for (const tag of TAGS) {
      expect(errorPaths(els[tag]!), tag).toEqual(['meta.asOf']);
      expect(events.get(tag)![0]!.detail.sections).toBeUndefined();
    }
  });

  it('shared through <parsec-dataset>: the provider reports once, its widgets draw or show the error', async () => {
    const d: Json = niger();
    (d.timeline[0] as { programme: string }).programme = 'nobody';
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.style.width = '768px';
    const provider = document.createElement('parsec-dataset');
    provider.data = d as typeof provider.data;
    const reports: ParsecDataErrorEvent[] = [];
    provider.addEventListener('parsec-data-error', (e) => reports.push(e));
    provider.innerHTML = TAGS.map((t) => `<${t} loading="eager"></${t}>`).join('');
    wrap.append(provider);
    document.body.append(wrap);
    const els = TAGS.map((t) => provider.querySelector(t) as Widget);
    for (const el of els) {
      await el.updateComplete;
      await loaded(el);
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.detail.sections).toEqual(['timeline']);
    expect(errorPaths(els[1]!)).toEqual(['timeline[0].programme']);
    for (const el of [els[0]!, els[2]!, els[3]!]) expect(drawn(el), el.localName).toBe(true);
  });
});

describe('a section left out: the widgets that read it show their empty state, in their language', () => {
  const budgetOnly = () => {
    const { meta, sources, programmes, budget, rates } = niger();
    return { meta, sources, programmes, budget, rates };
  };

  it.each([
    ['en', en.empty],
    ['fr', fr.empty],
  ])('%s: meta, sources, programmes and budget only', async (lang, empty) => {
    const { els, events } = await mountAll(budgetOnly(), lang);
    const treemap = els['parsec-budget-treemap']!;
    expect(treemap.shadowRoot!.querySelector('.state')).toBeNull();
    expect(treemap.shadowRoot!.querySelector('svg, canvas')).not.toBeNull();
    for (const tag of TAGS.slice(1)) {
      const state = els[tag]!.shadowRoot!.querySelector('.state.empty[role="status"]');
      expect(state?.textContent?.trim(), tag).toBe(empty);
    }
    for (const tag of TAGS) expect(events.get(tag), tag).toEqual([]);
  });
});
