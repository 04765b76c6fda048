// Bench case for <parsec-phase-gantt>: n timeline items (70 % phases, the rest milestones and events) over the
// default programmes, with some month-precise, derived, unknown and conflicting dates (seeded).
import { readFileSync } from 'node:fs';

/** Seeded linear congruential generator (same constants as d3.randomLcg). */
function lcg(seed) {
  let state = ((seed * 4294967296) | 0) >>> 0;
  return () => ((state = (1664525 * state + 1013904223) >>> 0), state / 4294967296);
}

const pad = (v) => String(v).padStart(2, '0');
const day = (t) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export default {
  name: 'phase-gantt',
  tag: 'parsec-phase-gantt',
  sizes: [100, 1000, 10000],
  makeData(n) {
    const data = JSON.parse(readFileSync(new URL('../../data/parsec.json', import.meta.url), 'utf8'));
    const rnd = lcg(0.42);
    const programmes = data.programmes.map((p) => p.id);
    const sources = data.sources.map((s) => s.id);
    const t0 = Date.UTC(2010, 0, 1);
    const span = Date.UTC(2024, 0, 1) - t0;
    const timeline = [];
    for (let i = 0; i < n; i++) {
      const src = [sources[Math.floor(rnd() * sources.length)]];
      const start = t0 + Math.floor(rnd() * span);
      const id = `syn-${i}`;
      const programme = programmes[i % programmes.length];
      const label = { en: `Synthetic item ${i}`, fr: `Élément synthétique ${i}` };
      if (rnd() < 0.7) {
        const end = start + Math.floor((0.1 + rnd()) * 365 * 864e5);
        timeline.push({
          id,
          programme,
          kind: 'phase',
          label,
          start: {
            value: rnd() < 0.3 ? day(start).slice(0, 7) : day(start),
            precision: 'exact',
            sources: src,
          },
          end:
            rnd() < 0.05
              ? { unknown: true }
              : {
                  value: day(end),
                  precision: rnd() < 0.15 ? 'derived' : 'exact',
                  sources: src,
                  ...(rnd() < 0.05
                    ? { alternatives: [{ value: day(end + 200 * 864e5), precision: 'exact', sources: src }] }
                    : {}),
                },
          ...(i > 0 && rnd() < 0.05 ? { after: [`syn-${i - 1}`] } : {}),
          sources: src,
        });
      } else {
        timeline.push({
          id,
          programme,
          kind: rnd() < 0.6 ? 'milestone' : 'event',
          label,
          date: { value: day(start), precision: rnd() < 0.1 ? 'approx' : 'exact', sources: src },
          sources: src,
        });
      }
    }
    data.timeline = timeline;
    return data;
  },
};
