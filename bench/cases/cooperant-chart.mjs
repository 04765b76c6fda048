// Bench case for <parsec-cooperant-chart>: n units in 2011 (80 % itemised, the rest counted but not itemised).
import { readFileSync } from 'node:fs';

const RANKS = ['senior-officer', 'officer', 'nco', 'not-stated'];
const SERVICES = ['army', 'air-force', 'not-stated'];

/** Seeded linear congruential generator (same constants as d3.randomLcg). */
function lcg(seed) {
  let state = ((seed * 4294967296) | 0) >>> 0;
  return () => ((state = (1664525 * state + 1013904223) >>> 0), state / 4294967296);
}

export default {
  name: 'cooperant-chart',
  tag: 'parsec-cooperant-chart',
  sizes: [100, 1000, 10000],
  makeData(n) {
    const data = JSON.parse(readFileSync(new URL('../../data/parsec.json', import.meta.url), 'utf8'));
    const rng = lcg(0.42);
    const pick = (list) => list[Math.floor(rng() * list.length)];
    const entities = data.cooperants.entities.map((e) => e.id);
    const places = data.places.map((p) => p.id);
    const itemised = Math.round(n * 0.8);
    const posts = [];
    for (let i = 0; i < itemised; i++)
      posts.push({
        id: `post-${i}`,
        entity: pick(entities),
        role: { en: `Synthetic post ${i}`, fr: `Poste fictif ${i}` },
        rank: pick(RANKS),
        service: pick(SERVICES),
        place: rng() < 0.1 ? null : pick(places),
        years: [2011],
        sources: ['S004'],
      });
    data.cooperants = {
      entities: data.cooperants.entities,
      totals: [
        { year: 2011, count: { value: n, precision: 'exact', sources: ['S004'] } },
        ...data.cooperants.totals.filter((t) => t.year !== 2011),
      ],
      posts,
    };
    return data;
  },
};
