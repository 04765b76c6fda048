// Bench case for <parsec-facility-map>: n synthetic facilities at about n / 3 towns over the Mopti region.
import { readFileSync } from 'node:fs';

const KINDS = ['infrastructure', 'equipment', 'training', 'border', 'unit'];

/** Seeded linear congruential generator (same constants as d3.randomLcg). */
function lcg(seed) {
  let state = ((seed * 4294967296) | 0) >>> 0;
  return () => ((state = (1664525 * state + 1013904223) >>> 0), state / 4294967296);
}

export default {
  name: 'facility-map',
  tag: 'parsec-facility-map',
  sizes: [100, 1000, 10000],
  makeData(n) {
    const data = JSON.parse(readFileSync(new URL('../../data/parsec.json', import.meta.url), 'utf8'));
    const rng = lcg(0.42);
    const towns = Math.max(1, Math.ceil(n / 3));
    const places = [];
    for (let i = 0; i < towns; i++)
      places.push({
        id: `syn-town-${i}`,
        name: { fr: `Village ${i}`, en: `Village ${i}` },
        kind: 'town',
        lat: Math.round((13.4 + rng() * 2.4) * 1e4) / 1e4,
        lon: Math.round((-5.4 + rng() * 4.4) * 1e4) / 1e4,
        precision: 'exact',
        admin1: 'Mopti',
        sources: ['W01'],
      });
    const facilities = [];
    for (let i = 0; i < n; i++) {
      const r = rng();
      const dated = rng() > 0.1;
      const month = String(1 + Math.floor(rng() * 12)).padStart(2, '0');
      facilities.push({
        id: `syn-${i}`,
        programme: 'parsec',
        kind: KINDS[Math.floor(rng() * KINDS.length)],
        label: { fr: `Élément ${i}`, en: `Item ${i}` },
        quantity: { value: 1 + Math.floor(rng() * 8), precision: 'exact', sources: ['W01'] },
        place: places[Math.floor(rng() * towns)].id,
        placePrecision: r < 0.05 ? 'region' : r < 0.15 ? 'approx' : 'town',
        status: dated ? 'delivered' : 'planned',
        ...(dated
          ? {
              date: {
                value: `${2017 + Math.floor(rng() * 7)}-${month}`,
                precision: 'exact',
                sources: ['W01'],
              },
            }
          : {}),
        sources: ['W01'],
      });
    }
    data.places = [...data.places, ...places];
    data.facilities = facilities;
    return data;
  },
};
