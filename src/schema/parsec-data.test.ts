import { describe, it, expect } from 'vitest';
import raw from '../../data/parsec.json';
import { parseDataset } from './parse';
import { isKnownMoney, type KnownMoney } from './quantity';
import { isKnownDate, type KnownDate } from './dates';
import type { Dataset } from './dataset';

function load(): Dataset {
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.data;
}

const data = load();

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no item with id ${id}`);
  return found;
}

function money(lineId: string): KnownMoney {
  const amount = byId(data.budget, lineId).amount;
  if (!isKnownMoney(amount)) throw new Error(`${lineId}: amount is unknown`);
  return amount;
}

function known(d: Parameters<typeof isKnownDate>[0], what: string): KnownDate {
  if (!isKnownDate(d)) throw new Error(`${what}: date is unknown or missing`);
  return d;
}

describe('data/parsec.json', () => {
  it('parses against the schema, with every cited source id present', () => {
    const result = parseDataset(raw);
    expect(result.ok).toBe(true);
  });

  it('declares every source it cites (self-contained)', () => {
    const ids = new Set(data.sources.map((s) => s.id));
    const cited = new Set<string>();
    const walk = (node: unknown, top: boolean): void => {
      if (Array.isArray(node)) node.forEach((v) => walk(v, false));
      else if (node && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) {
          if (k === 'sources' && !top && Array.isArray(v)) v.forEach((s) => cited.add(String(s)));
          else walk(v, false);
        }
    };
    walk(data, true);
    expect([...cited].filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.has('S000') && ids.has('S004') && ids.has('W01') && ids.has('G20')).toBe(true);
  });

  describe('budget', () => {
    it('draws PARSEC at 29 M€, citing the seeds, with 43 M€ (Civipol) as an alternative', () => {
      const line = byId(data.budget, 'parsec-total');
      expect(line.programme).toBe('parsec');
      expect(line.parent ?? null).toBeNull();
      const total = money('parsec-total');
      expect(total.amount).toBe(29_000_000);
      expect(total.currency).toBe('EUR');
      expect(total.precision).toBe('exact');
      expect(total.sources).toEqual(expect.arrayContaining(['S000', 'S001', 'W05']));
      const alt43 = total.alternatives?.find((a) => a.currency === 'EUR' && a.amount === 43_000_000);
      expect(alt43?.precision).toBe('exact');
      expect(alt43?.sources).toContain('W01');
      const altXof = total.alternatives?.find((a) => a.currency === 'XOF');
      expect(altXof?.amount).toBe(19_000_000_000);
      expect(altXof?.bound).toBe('at-least');
    });

    it('keeps the diagnostic contract, the Cessna and the mobile camp inside PARSEC', () => {
      const diag = money('parsec-diagnostic-contract');
      expect(byId(data.budget, 'parsec-diagnostic-contract').parent).toBe('parsec-total');
      expect(diag).toMatchObject({ amount: 700_000, currency: 'EUR', precision: 'approx', bound: 'about' });
      expect(diag.sources).toContain('S000');

      const cessna = money('parsec-cessna');
      expect(byId(data.budget, 'parsec-cessna').parent).toBe('parsec-total');
      expect(cessna).toMatchObject({ amount: 5_000_000, currency: 'EUR', precision: 'exact' });
      expect(cessna.sources).toEqual(expect.arrayContaining(['W07', 'W08']));

      const camp = money('parsec-mobile-camp');
      expect(camp).toMatchObject({
        amount: 600_000_000,
        currency: 'XOF',
        precision: 'approx',
        bound: 'at-least',
      });
      expect(camp.sources).toEqual(expect.arrayContaining(['W14', 'W15']));
    });

    it('has no amount for the quick-impact programme', () => {
      const line = byId(data.budget, 'quick-impact-total');
      expect(line.programme).toBe('quick-impact');
      expect(isKnownMoney(line.amount)).toBe(false);
      expect('unknown' in line.amount && line.amount.unknown).toBe(true);
    });

    it('draws French cooperation at 4.6 M€ with the 4.5–5 M€ range as an alternative', () => {
      const mcd = money('mcd-total');
      expect(mcd).toMatchObject({ amount: 4_600_000, currency: 'EUR', precision: 'exact' });
      expect(mcd.sources).toContain('W33');
      expect(mcd.alternatives?.[0]).toMatchObject({ amount: 4_500_000, max: 5_000_000, bound: 'range' });
      expect(mcd.alternatives?.[0]?.sources).toContain('W34');
    });

    it('gives each programme exactly one root line', () => {
      for (const p of data.programmes) {
        const roots = data.budget.filter((b) => b.programme === p.id && b.parent == null);
        expect(roots, p.id).toHaveLength(1);
      }
    });
  });

  describe('timeline', () => {
    it('dates the PARSEC launch on 2017-03-03', () => {
      const launch = byId(data.timeline, 'parsec-launch');
      expect(known(launch.date, 'launch').value).toBe('2017-03-03');
      expect(launch.place).toBe('bamako');
    });

    it('starts PARSEC on 2017-01-30 (alternative 2017-09) and ends it ~2020-07 (alternative 2023-12)', () => {
      const phase = byId(data.timeline, 'parsec-overall');
      expect(phase.kind).toBe('phase');
      const start = known(phase.start, 'start');
      expect(start.value).toBe('2017-01-30');
      expect(start.precision).toBe('exact');
      expect(start.sources).toEqual(expect.arrayContaining(['S001', 'W02']));
      expect(start.alternatives?.map((a) => a.value)).toContain('2017-09');
      expect(start.alternatives?.find((a) => a.value === '2017-09')?.sources).toContain('W01');
      const end = known(phase.end, 'end');
      expect(end.value).toBe('2020-07');
      expect(end.precision).toBe('derived');
      const alt = end.alternatives?.find((a) => a.value === '2023-12');
      expect(alt?.precision).toBe('exact');
      expect(alt?.sources).toContain('W01');
      expect(phase.duration?.map((d) => d.months).sort()).toEqual([36, 42]);
    });

    it('runs the diagnostic phase Feb–Jul 2017 before the implementation phase', () => {
      const p1 = byId(data.timeline, 'parsec-phase-1-diagnostic');
      expect(known(p1.start, 'p1 start').value).toBe('2017-02');
      expect(known(p1.end, 'p1 end').value).toBe('2017-07');
      const p2 = byId(data.timeline, 'parsec-phase-2-implementation');
      expect(p2.after).toEqual(['parsec-phase-1-diagnostic']);
      expect(known(p2.start, 'p2 start').value).toBe('2017-09');
    });

    it('pins the handovers and the Sévaré inaugurations', () => {
      expect(known(byId(data.timeline, 'parsec-cessna-handover').date, 'cessna').value).toBe('2019-04-02');
      expect(known(byId(data.timeline, 'parsec-boats-ambulances-handover').date, 'boats').value).toBe(
        '2019-07-12',
      );
      const inaug = byId(data.timeline, 'parsec-sevare-inaugurations');
      expect(known(inaug.date, 'inaugurations').value).toBe('2020-01-28');
      expect(inaug.place).toBe('sevare');
      expect(inaug.sources).toContain('S001');
    });

    it('marks dates inferred from relative wording as derived', () => {
      expect(known(byId(data.timeline, 'parsec-mobile-camp-handover').date, 'camp').precision).toBe(
        'derived',
      );
      expect(known(byId(data.timeline, 'parsec-vehicles-handover').date, 'vehicles').precision).toBe(
        'derived',
      );
    });
  });

  describe('places', () => {
    it('puts Sévaré near 14.53 N, 4.10 W (arc-minute, approx)', () => {
      const sevare = byId(data.places, 'sevare');
      expect(sevare.lat).toBeCloseTo(14.53, 2);
      expect(sevare.lon).toBeCloseTo(-4.1, 2);
      expect(sevare.precision).toBe('approx');
    });

    it('puts Koro near 14.07 N, 3.08 W', () => {
      const koro = byId(data.places, 'koro');
      expect(koro.lat).toBeCloseTo(14.07, 2);
      expect(koro.lon).toBeCloseTo(-3.08, 2);
      expect(koro.admin1).toBe('Mopti');
      expect(koro.admin1Reform).toBe('Bandiagara');
    });
  });

  describe('facilities', () => {
    it('places the Koro border post approximately and the planned units at region level', () => {
      const koro = byId(data.facilities, 'parsec-koro-border-post');
      expect(koro.place).toBe('koro');
      expect(koro.placePrecision).toBe('approx');
      const units = data.facilities.filter((f) => f.kind === 'unit');
      expect(units.map((u) => u.quantity?.value)).toEqual([1, 1, 1, 2, 2]);
      for (const u of units) expect(u.placePrecision).toBe('region');
    });

    it('repeats the budget amounts on the Cessna and the mobile camp', () => {
      const cessna = byId(data.facilities, 'parsec-cessna-208');
      expect(isKnownMoney(cessna.amount) && cessna.amount.amount).toBe(5_000_000);
      const camp = byId(data.facilities, 'parsec-mobile-camp');
      expect(isKnownMoney(camp.amount) && camp.amount.amount).toBe(600_000_000);
    });
  });

  describe('cooperants', () => {
    it('counts 14 posts in 2011 but itemises exactly 9', () => {
      const t2011 = data.cooperants.totals.find((t) => t.year === 2011);
      expect(t2011?.count).toMatchObject({ value: 14, precision: 'exact' });
      expect(t2011?.count.sources).toContain('S004');
      const posts2011 = data.cooperants.posts.filter((p) => p.years.includes(2011));
      expect(posts2011).toHaveLength(9);
      expect(data.cooperants.posts).toHaveLength(9);
      for (const p of data.cooperants.posts) expect(p.sources).toContain('S004');
    });

    it('gives about ten cooperants in 2016', () => {
      const t2016 = data.cooperants.totals.find((t) => t.year === 2016);
      expect(t2016?.count).toMatchObject({ value: 10, precision: 'approx', bound: 'about' });
    });

    it('itemises two DCM and two EMA posts, and one Air Force mechanic', () => {
      const per = (entity: string) => data.cooperants.posts.filter((p) => p.entity === entity).length;
      expect(per('dcm')).toBe(2);
      expect(per('ema-koulikoro')).toBe(2);
      const airForce = data.cooperants.posts.filter((p) => p.service === 'air-force');
      expect(airForce).toHaveLength(1);
      expect(airForce[0]?.rank).toBe('nco');
      expect(byId(data.cooperants.posts, 'dem-adviser').place).toBeNull();
    });
  });
});
