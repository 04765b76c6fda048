import { describe, expect, it } from 'vitest';
import { nothing, render } from 'lit';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { expectJsonSnapshot, expectSvgSnapshot, snapshotMarkup } from '../../test/snapshot';
import { layoutCooperant, type CooperantMode } from '../layout/cooperant';
import { cooperantContext, cooperantLabels } from '../describe/cooperant';
import { translationFor } from '../i18n/index';
import {
  groupUnits,
  selectCooperantPosts,
  unitsShown,
  type CooperantGroupBy,
} from '../select/cooperant-posts';
import { sourcesById } from '../select/sources';
import { groupKey, renderCooperant } from './cooperant';

const view = selectCooperantPosts(data);

function draw(by: CooperantGroupBy, mode: CooperantMode, width: number, year: number | 'all', words = false) {
  const groups = groupUnits(unitsShown(view, year, by), by, { years: view.years });
  const ctx = cooperantContext({ t: translationFor('en'), lang: 'en', sources: sourcesById(data) }, data);
  const shown = {
    by,
    years: view.years.filter((y) => year === 'all' || y.year === year),
    distinct: year === 'all',
  };
  const geo = layoutCooperant(groups, width, {
    mode,
    text: words
      ? cooperantLabels(groups, shown, ctx)
      : new Map(groups.map((g) => [g.key, { name: g.key, count: `${g.units.length}` }])),
  });
  const names = new Map(geo.groups.map((g) => [groupKey(g.key), `${g.key}: ${g.group.units.length}`]));
  const keys = mode === 'bars' ? geo.groups.map((g) => groupKey(g.key)) : geo.units.map((u) => u.key);
  const markup = snapshotMarkup(
    renderCooperant(geo, {
      labelledBy: 'summary',
      name: (k) => names.get(k) ?? k,
      tabIndex: (k) => (k === keys[0] ? 0 : -1),
      highlight: keys[1],
    }),
  );
  return { geo, markup };
}

describe('renderCooperant', () => {
  it('units by place (2011): 14 listitems, 5 hollow not-itemised', () => {
    const { geo, markup } = draw('place', 'units', 640, 2011);
    expect(markup.match(/role="listitem"/g)).toHaveLength(14);
    expect(markup.match(/class="mark unit not-itemised derived/g)).toHaveLength(5);
    expect(markup.match(/tabindex="0"/g)).toHaveLength(1);
    // one element per unit (its path), and one ring: the highlighted unit's (keyboard focus shows as an outline)
    expect(markup.match(/<path /g)).toHaveLength(14);
    expect(markup.match(/<g /g)).toHaveLength(2 * geo.groups.length);
    expect(markup).not.toContain('transform=');
    expect(markup.match(/class="focus-ring ring-active"/g)).toHaveLength(1);
    expectSvgSnapshot(markup, 'cooperant-units-place');
    expectJsonSnapshot(
      {
        ...geo,
        groups: geo.groups.map(({ group, ...g }) => ({ ...g, units: group.units.length })),
        units: geo.units.map(({ unit, ...u }) => ({ ...u, kind: unit.kind })),
      },
      'cooperant-units-place-layout',
    );
  });

  it('units by year: 2016 units dashed (approx)', () => {
    const { markup } = draw('year', 'units', 640, 'all');
    expect(markup.match(/not-itemised approx/g)).toHaveLength(10);
    expectSvgSnapshot(markup, 'cooperant-units-year');
  });

  it('all years by entity: 9 distinct posts, abbreviations spelt out and wrapped, never cut', () => {
    const { geo, markup } = draw('entity', 'units', 768, 'all', true);
    expect(markup.match(/role="listitem"/g)).toHaveLength(9);
    expect(markup).not.toContain('not-itemised');
    expect(markup).toContain('DMHTA (Armed forces directorate');
    expect(geo.groups.every((g) => !g.name?.includes('…'))).toBe(true);
    expectSvgSnapshot(markup, 'cooperant-units-entity-all');
  });

  it('bars by rank, narrow', () => {
    const { markup } = draw('rank', 'bars', 360, 2011);
    expect(markup.match(/role="listitem"/g)).toHaveLength(4);
    expect(markup).toContain('class="bar hollow');
    expectSvgSnapshot(markup, 'cooperant-bars-rank-narrow');
  });

  it('draws over a chart drawn before what a fresh render draws: units regrouped, fewer, highlighted elsewhere', () => {
    const ctxOf = (geo: ReturnType<typeof draw>['geo'], highlight?: string) => ({
      labelledBy: 'summary',
      name: (k: string) => `name of ${k}`,
      tabIndex: (k: string) => (k === geo.units[0]?.key ? (0 as const) : (-1 as const)),
      highlight,
    });
    const host = document.createElement('div');
    const fresh = document.createElement('div');
    const steps = [
      draw('place', 'units', 640, 2011).geo,
      draw('rank', 'units', 640, 2011).geo,
      draw('service', 'units', 360, 2011).geo,
      draw('year', 'units', 640, 'all').geo,
      draw('entity', 'units', 768, 'all').geo,
    ];
    for (const [i, geo] of steps.entries()) {
      const highlight = geo.units[i]?.key;
      render(renderCooperant(geo, ctxOf(geo, highlight)), host);
      render(renderCooperant(geo, ctxOf(geo, highlight)), fresh);
      expect(host.innerHTML.replace(/<!--[^>]*-->/g, ''), `step ${i}`).toBe(
        fresh.innerHTML.replace(/<!--[^>]*-->/g, ''),
      );
      render(nothing, fresh);
    }
    // the same units again: nothing written but what changed (the highlight's class, the tab stop stays)
    const geo = steps.at(-1)!;
    const paths = [...host.querySelectorAll('path[data-key]')];
    const before = paths.map((p) => p.getAttribute('d'));
    render(renderCooperant(geo, ctxOf(geo, geo.units[0]!.key)), host);
    expect([...host.querySelectorAll('path[data-key]')]).toEqual(paths);
    expect(paths.map((p) => p.getAttribute('d'))).toEqual(before);
    expect(host.querySelectorAll('path.active')).toHaveLength(1);
    expect(host.querySelector('path.active')!.getAttribute('data-key')).toBe(geo.units[0]!.key);
  });
});
