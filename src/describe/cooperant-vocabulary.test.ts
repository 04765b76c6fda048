import { describe, expect, it } from 'vitest';
import { nigerPolice } from '../../test/fixtures/any-programme';
import { translationFor } from '../i18n/index';
import { layoutCooperant } from '../layout/cooperant';
import type { Dataset } from '../schema/dataset';
import { parseDataset } from '../schema/parse';
import { groupUnits, selectCooperantPosts, unitsShown } from '../select/cooperant-posts';
import { sourcesById } from '../select/sources';
import { termsOf } from './vocabulary';
import {
  cooperantContext,
  cooperantLabels,
  cooperantLegend,
  entityKind,
  staffTitle,
  type CooperantShown,
  cooperantTableWords,
} from './cooperant';
import { cooperantTable } from './cooperant-table';
import { tableRows } from './table-rows';

/** The staff chart on a dataset with its own words and ranks (fictional Niger fixture). */
const r = parseDataset(structuredClone(nigerPolice));
if (!r.ok) throw new Error(JSON.stringify(r.issues));
const data: Dataset = r.data;

function scene(lang: string, by: 'place' | 'rank' | 'service' = 'place') {
  const view = selectCooperantPosts(data);
  const ctx = cooperantContext(
    {
      t: translationFor(lang),
      lang,
      sources: sourcesById(data),
      terms: termsOf(data),
      languages: ['fr', 'en'],
    },
    data,
  );
  const shown: CooperantShown = { by, years: view.years.filter((y) => y.year === 2021) };
  const groups = groupUnits(unitsShown(view, 2021, by), by, { years: view.years });
  const geo = layoutCooperant(groups, 800, { mode: 'units', text: cooperantLabels(groups, shown, ctx) });
  return { ctx, view, groups, geo, shown };
}

describe('the staff chart speaks the data’s words', () => {
  it('titles the section and names its entities from cooperants.words, per language', () => {
    expect(staffTitle(scene('en').ctx)).toBe('German police adviser posts (fictional)');
    expect(staffTitle(scene('fr').ctx)).toBe('Postes de conseillers de police allemands (fictif)');
    expect(entityKind(scene('en').ctx)).toBe('Nigerien entity');
    // a language the data lacks: the dataset's first language
    expect(staffTitle(scene('de').ctx)).toBe('Postes de conseillers de police allemands (fictif)');
  });

  it('labels declared ranks and services, each rank with its own classes in the legend', () => {
    const s = scene('en');
    const legend = cooperantLegend(s.geo, s.ctx).filter((i) => i.swatch === 'symbol');
    expect(legend.map((i) => [i.label, i.className])).toEqual([
      ['Commissioner', 'rank-commissioner rank-declared declared-0 declared-k0'],
      ['Inspector', 'rank-inspector rank-declared declared-1 declared-k1'],
    ]);
    const table = cooperantTable(
      s.view.years.filter((y) => y.year === 2021),
      s.ctx,
      { ...cooperantTableWords, ...tableRows },
    );
    expect(table.caption).toBe('German police adviser posts (fictional)');
    const row = table.rows.find((r) => r.raw[0] === 'Adviser to the director')!;
    expect(row.text.slice(3, 5)).toEqual(['Commissioner', 'Federal police']);
  });

  it('groups declared ranks by their ids, then the posts not itemised', () => {
    const s = scene('fr', 'rank');
    expect(s.groups.map((g) => g.key)).toEqual(['commissioner', 'inspector', '~not-itemised']);
  });
});
