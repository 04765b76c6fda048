import { describe, expect, it } from 'vitest';
import raw from '../data/parsec.json';
import { malmoCity, nigerPolice } from '../test/fixtures/any-programme';
import { chartTitle, validDataset, WIDGETS, type WidgetName } from './lib/chart-titles';
// @ts-expect-error plain ESM script without types
import { normaliseBase, oembed } from './oembed.mjs';

const widgets = Object.keys(WIDGETS) as WidgetName[];

describe('chart titles for the oEmbed files', () => {
  const data = validDataset(structuredClone(raw));
  it('name each chart in the reader language, before the dataset title', () => {
    expect(chartTitle('treemap', data, 'en')).toBe(
      'Budgets — EU and French security cooperation in central Mali',
    );
    expect(chartTitle('gantt', data, 'fr')).toBe(
      "Coopération de sécurité de l'UE et de la France au centre du Mali",
    );
    expect(chartTitle('map', data, 'fr')).toMatch(/^Carte .+ — Coopération de sécurité/);
    expect(chartTitle('cooperants', data, 'en')).toMatch(/^French military cooperant posts — EU and French/);
  });
  it('take the title of another dataset, in its only language', () => {
    const malmo = validDataset(structuredClone(malmoCity));
    for (const w of widgets) expect(chartTitle(w, malmo, 'en')).toContain('Fiktivt trygghetsprogram i Malmö');
    const niger = validDataset(structuredClone(nigerPolice));
    expect(chartTitle('gantt', niger, 'fr')).not.toBe(chartTitle('gantt', data, 'fr'));
  });
  it('reject an invalid dataset', () => {
    expect(() => validDataset({ meta: {} })).toThrow(/not valid: /);
  });
});

describe('oembed()', () => {
  it('gives absolute URLs under the base, with the title in the iframe', () => {
    const o = oembed({
      base: 'https://example.org/widgets',
      widget: 'map',
      lang: 'fr',
      title: 'Carte — "Mopti" & <ici>',
    });
    expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_url: 'https://example.org/widgets/' });
    expect(o.title).toBe('Carte — "Mopti" & <ici>');
    const srcs = [...o.html.matchAll(/src="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
    expect(srcs).toEqual([
      'https://example.org/widgets/demo/embed.html?widget=map&lang=fr',
      'https://example.org/widgets/demo/embed-parent.js',
    ]);
    expect(o.html).toContain('title="Carte — &quot;Mopti&quot; &amp; &lt;ici&gt;"');
  });
  it('accepts only an absolute http(s) base', () => {
    expect(normaliseBase('https://example.org/a/b?x=1#y')).toBe('https://example.org/a/b/');
    for (const bad of ['/widgets/', 'widgets', 'file:///tmp/', undefined])
      expect(() => normaliseBase(bad)).toThrow(/--base must be/);
  });
});
