// Bench case for <parsec-cooperant-chart>: n units in 2011 (80 % itemised, the rest counted but not itemised); above
// 100,000 (the schema's largest count of posts in a year) spread over 2011, 2012… at most 100,000 a year.
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
    const years = Array.from({ length: Math.ceil(n / 100_000) }, (_, i) => 2011 + i);
    const perYear = years.map(
      (_, i) => Math.floor((n * (i + 1)) / years.length) - Math.floor((n * i) / years.length),
    );
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
        years: [years[Math.floor((i * years.length) / itemised)]],
        sources: ['S004'],
      });
    data.cooperants = {
      entities: data.cooperants.entities,
      totals: [
        ...years.map((year, i) => ({
          year,
          count: { value: perYear[i], precision: 'exact', sources: ['S004'] },
        })),
        ...data.cooperants.totals.filter((t) => !years.includes(t.year)),
      ],
      posts,
    };
    return data;
  },
};
