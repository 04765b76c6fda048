import { describe, expect, it } from 'vitest';
import { largeGenerated } from '../../test/fixtures/any-programme';
import { referenceIssues, referenceSteps } from './references';
import { finish } from '../util/steps';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A dataset with a problem of each kind the cross-references find, several in some lists. */
function broken(): Json {
  const d = largeGenerated({ programmes: 3, linesPerProgramme: 6, facilities: 20, posts: 10 }) as Json;
  // budget: parents that are no line's (one twice), a cycle, a duplicate id, an unknown programme, an amount too large
  d.budget[3].parent = 'stray';
  d.budget[5].parent = 'stray';
  d.budget[6].parent = 'stray2';
  d.budget[1].parent = d.budget[2].id;
  d.budget[2].parent = d.budget[1].id;
  d.budget[8].id = d.budget[9].id;
  d.budget[10].programme = 'ghost';
  d.budget[4].amount = { amount: 1e21, currency: 'EUR', precision: 'exact', sources: ['x'] };
  d.rates = [
    { from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['x'] },
    { from: 'USD', to: 'USD', rate: 1, sources: ['x'] },
  ];
  // terms declared twice, or built in; places, facilities and posts with unknown terms
  d.vocabulary = {
    ranks: [
      { id: 'officer', label: { en: 'x' } },
      { id: 'r1', label: { en: 'x' } },
      { id: 'r1', label: { en: 'x' } },
    ],
    services: [
      { id: 's1', label: { en: 'x' } },
      { id: 's1', label: { en: 'x' } },
    ],
    placeKinds: [{ id: 'town', label: { en: 'x' } }],
  };
  const posts = d.cooperants.posts;
  posts[1].rank = 'nope';
  posts[2].service = 'nope2';
  posts[3].entity = 'ghost';
  posts[4].place = 'ghost';
  posts[5].id = posts[6].id;
  d.places[0].kind = 'weird';
  d.facilities[0].kind = 'weird';
  d.facilities[0].amount = { amount: 5e20, currency: 'XOF', precision: 'exact', sources: ['x'] };
  d.cooperants.totals.push({ year: 2099, count: { value: 200000, precision: 'exact', sources: ['x'] } });
  return d;
}

describe('the cross-references', () => {
  // zod reports them in this order (the dataset's refinement): a list read in fewer passes must keep it
  it('report every problem in their order: ids, sources, counts, amounts, budget tree, terms, then what posts point to', () => {
    const got = referenceIssues(broken()).map((i) => `${i.message} ${i.path.join('.')}`);
    expect(got).toEqual([
      'U budget budget.9.id',
      'U cooperants.posts cooperants.posts.6.id',
      'R sources budget.4.amount.sources.0',
      'R sources facilities.0.amount.sources.0',
      'R sources cooperants.totals.5.count.sources.0',
      'R sources rates.0.sources.0',
      'R sources rates.1.sources.0',
      'P cooperants.totals.5.count.value',
      'A budget.4.amount.amount',
      'A facilities.0.amount.amount',
      'R budget lines budget.3.parent',
      'R budget lines budget.5.parent',
      'R budget lines budget.6.parent',
      'R programmes budget.10.programme',
      'Y budget.1.parent',
      'Y budget.2.parent',
      'T1 vocabulary.placeKinds.0.id',
      'K placeKinds places.0.kind',
      'K facilityKinds facilities.0.kind',
      'T1 vocabulary.ranks.0.id',
      'T0 vocabulary.ranks.2.id',
      'T0 vocabulary.services.1.id',
      'K ranks cooperants.posts.1.rank',
      'K services cooperants.posts.2.service',
      'F rates.1.to',
      'R cooperants.entities cooperants.posts.3.entity',
      'R places cooperants.posts.4.place',
    ]);
    // in steps: the same
    expect(finish(referenceSteps(broken()))).toEqual(referenceIssues(broken()));
  });

  it('add every amount up in each currency a stated rate converts it to, either way round', () => {
    const d = largeGenerated({ programmes: 2, linesPerProgramme: 3, facilities: 2, posts: 2 }) as Json;
    // 2e17 EUR is below the bound, but 1.3e20 XOF; 2e20 XOF the other way is 3e17 EUR
    const line = (currency: string, amount: number) => ({
      amount,
      currency,
      precision: 'exact',
      sources: ['x'],
    });
    const at = (issues: { message: string; path: (string | number)[] }[]) =>
      issues.filter((i) => i.message === 'A').map((i) => i.path.join('.'));
    d.budget[1].amount = line('EUR', 2e17);
    expect(at(referenceIssues(structuredClone(d)))).toEqual([]);
    d.rates = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['x'] }];
    expect(at(referenceIssues(structuredClone(d)))).toEqual(['budget.1.amount.amount']);
    d.rates = [{ from: 'XOF', to: 'EUR', rate: 1 / 655.957, kind: 'peg', sources: ['x'] }];
    expect(at(referenceIssues(structuredClone(d)))).toEqual(['budget.1.amount.amount']);
    d.budget[1].amount = line('XOF', 2e20);
    d.budget[2].amount = line('EUR', 1e5);
    expect(at(referenceIssues(structuredClone(d)))).toEqual(['budget.1.amount.amount']);
  });
});
