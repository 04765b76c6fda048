/**
 * Calendar ticks in UTC for a time window: days, 2 days, weeks, months, quarters or years (1, 2, 5, 10… years),
 * the step closest to `count` ticks, chosen as d3's `utcTicks` chooses it, without d3-time and d3-array in the bundle.
 */
const DAY = 864e5;
const YEAR = 365 * DAY;
type Step = { unit: 'day' | 'month' | 'year'; n: number; ms: number };
// d3-time's tick intervals from a day up, with the same approximate durations
const STEPS: Step[] = [
  { unit: 'day', n: 1, ms: DAY },
  { unit: 'day', n: 2, ms: 2 * DAY },
  { unit: 'day', n: 7, ms: 7 * DAY },
  { unit: 'month', n: 1, ms: 30 * DAY },
  { unit: 'month', n: 3, ms: 90 * DAY },
  { unit: 'year', n: 1, ms: YEAR },
];

/** d3-array's tickStep: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const err = raw / power;
  return power * (err >= Math.sqrt(50) ? 10 : err >= Math.sqrt(10) ? 5 : err >= Math.sqrt(2) ? 2 : 1);
}

function chooseStep(span: number, count: number): Step {
  const target = span / count;
  const i = STEPS.findIndex((s) => s.ms > target);
  if (i === -1) return { unit: 'year', n: Math.max(1, niceStep(span / YEAR, count)), ms: YEAR };
  if (i === 0) return STEPS[0]!;
  const [a, b] = [STEPS[i - 1]!, STEPS[i]!];
  return target / a.ms < b.ms / target ? a : b;
}

export function utcCalendarTicks(start: number, stop: number, count: number): Date[] {
  if (!(stop > start) || count < 1) return [];
  const step = chooseStep(stop - start, count);
  const d = new Date(start);
  // first boundary of the step at or after `start`
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  let day = d.getUTCDate();
  const ticks: Date[] = [];
  if (step.unit === 'year') {
    y = Math.ceil((y + (d.getTime() > Date.UTC(y, 0, 1) ? 1 : 0)) / step.n) * step.n;
    for (let t = Date.UTC(y, 0, 1); t <= stop; y += step.n, t = Date.UTC(y, 0, 1)) ticks.push(new Date(t));
  } else if (step.unit === 'month') {
    if (d.getTime() > Date.UTC(y, m, 1)) m++;
    m = Math.ceil(m / step.n) * step.n;
    for (let t = Date.UTC(y, m, 1); t <= stop; m += step.n, t = Date.UTC(y, m, 1)) ticks.push(new Date(t));
  } else {
    let t = Date.UTC(y, m, day);
    if (t < start) t += DAY;
    if (step.n === 7) {
      // weeks start on Sunday, as d3's utcSunday
      t += ((7 - new Date(t).getUTCDay()) % 7) * DAY;
    } else {
      day = new Date(t).getUTCDate();
      if ((day - 1) % step.n) t += (step.n - ((day - 1) % step.n)) * DAY;
    }
    for (; t <= stop; t += step.n * DAY) ticks.push(new Date(t));
  }
  return ticks;
}
