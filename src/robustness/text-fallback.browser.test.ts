import { afterEach, describe, expect, it } from 'vitest';
import '../components/budget-treemap/budget-treemap';
import '../components/phase-gantt/phase-gantt';
import '../components/facility-map/facility-map';
import '../components/cooperant-chart/cooperant-chart';
import type { ParsecElement } from '../components/base/parsec-element';
import { malmoCity } from '../../test/fixtures/any-programme';
import { wrapOf } from '../../test/mount';

/**
 * The one fallback chain of data texts, in all four widgets: the reader's language, else its primary subtag, else the
 * dataset's first language (the first of its title). A dataset written only in Swedish, read with lang="en", shows its
 * Swedish texts — never an empty label or an id; a text also given in German (listed first in the text) still shows
 * in Swedish, the dataset's first language.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Malmö with some texts also in German, German written first in each text: the dataset's first language stays sv. */
function malmoWithGerman(): Json {
  const d = structuredClone(malmoCity) as Json;
  d.meta.title = { sv: d.meta.title.sv, de: 'Fiktives Sicherheitsprogramm in Malmö (Testdaten)' };
  const de = (t: Json, text: string) => ({ de: text, ...t });
  d.budget[1].label = de(d.budget[1].label, 'Beleuchtung');
  d.timeline[0].label = de(d.timeline[0].label, 'Umsetzung');
  d.programmes[0].name = de(d.programmes[0].name, 'Sicher in Malmö (fiktiv)');
  d.facilities[0].label = de(d.facilities[0].label, 'Neue Beleuchtung in Parks');
  d.places[1].name = de(d.places[1].name, 'Lund (de)');
  d.cooperants.posts[1].role = de(d.cooperants.posts[1].role, 'Streetworker');
  d.cooperants.entities[0].name = de(d.cooperants.entities[0].name, 'Sozialverwaltung');
  return d;
}

/** What each widget must show from the Swedish data, and (with German added) what it must not show. */
const SWEDISH: Record<string, RegExp[]> = {
  'parsec-budget-treemap': [/Belysning/, /Fritidsgårdar/],
  'parsec-phase-gantt': [/Genomförande/, /Beslut i kommunfullmäktige/, /Trygg i Malmö \(fiktivt\)/],
  'parsec-facility-map': [/Ny belysning i parker/, /Fritidsgård/, /Lund/],
  'parsec-cooperant-chart': [/Samordnare/, /Fältassistent|Sociala resursförvaltningen|SOF/],
};
const GERMAN =
  /Beleuchtung|Umsetzung|Sicher in Malmö|Neue Beleuchtung|Lund \(de\)|Streetworker|Sozialverwaltung/;
const IDS =
  /^(trygg|trygg-total|trygg-ljus|trygg-fritid|trygg-eu|trygg-fas|trygg-beslut|ljus-1|gard-1|malmo|lund|sof|t1|t2)$/;

afterEach(() => document.querySelectorAll('.wrap').forEach((w) => w.remove()));

async function mount(tag: string, data: unknown, lang: string): Promise<ParsecElement<unknown>> {
  const wrap = wrapOf(768);
  const el = document.createElement(tag) as ParsecElement<unknown>;
  el.setAttribute('loading', 'eager');
  el.setAttribute('lang', lang);
  el.data = data as Json;
  wrap.append(el);
  await el.updateComplete;
  // the data, then the widget's own assets (the map's base map comes from its own chunk)
  const settled = () =>
    el.shadowRoot?.querySelector('svg[part="svg"], [part="error"], [part="empty"]') !== null &&
    (el as Json).loader.state.status !== 'loading';
  for (let i = 0; i < 750 && !settled(); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  if (el.rendered) await el.tableComplete;
  return el;
}

/** The shadow text and every accessible name and title of the widget. */
function wordsOf(el: Element): { text: string; names: string[] } {
  const root = el.shadowRoot!;
  const names: string[] = [];
  root.querySelectorAll('[aria-label], title').forEach((n) => {
    names.push(n.localName === 'title' ? (n.textContent ?? '') : n.getAttribute('aria-label')!);
  });
  return { text: [root.textContent ?? '', ...names].join('\n'), names };
}

describe('data texts fall back along one chain in the four widgets', () => {
  for (const [tag, must] of Object.entries(SWEDISH)) {
    it(`${tag}: Malmö (Swedish only) with lang="en" shows the Swedish texts, no empty name, no id`, async () => {
      const el = await mount(tag, structuredClone(malmoCity), 'en');
      expect(el.shadowRoot!.querySelector('[part="error"]')).toBeNull();
      const { text, names } = wordsOf(el);
      expect(must.filter((re) => !re.test(text)).map(String), 'Swedish texts shown').toEqual([]);
      expect(names.filter((n) => n.trim() === '').length, 'empty accessible names').toBe(0);
      expect(
        names.filter((n) => IDS.test(n.trim())),
        'ids shown as names',
      ).toEqual([]);
    });

    it(`${tag}: a text also in German, German first, read with lang="en": the dataset's first language (sv)`, async () => {
      const el = await mount(tag, malmoWithGerman(), 'en');
      const { text } = wordsOf(el);
      expect(must.filter((re) => !re.test(text)).map(String), 'Swedish texts shown').toEqual([]);
      expect(text.match(GERMAN)?.[0] ?? null, 'no German text').toBeNull();
    });
  }

  it('lang="de-CH" takes the German texts through the primary subtag', async () => {
    const el = await mount('parsec-phase-gantt', malmoWithGerman(), 'de-CH');
    expect(wordsOf(el).text).toMatch(/Umsetzung/);
  });
});
