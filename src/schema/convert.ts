/** Conversions between currencies through the rates a dataset states, zod-free. @module */
import type { Currency, Rate } from './quantity';

/** The rate that converts `from` into `to` (stated either way round; a peg first), or `undefined` when none. */
export function rateFor(from: Currency, to: Currency, rates: readonly Rate[] = []): Rate | undefined {
  const fits = rates.filter((r) => (r.from === from && r.to === to) || (r.from === to && r.to === from));
  return fits.find((r) => r.kind === 'peg') ?? fits[0];
}

/**
 * Converts an amount through a rate the dataset states (`rates`), either way round; `null` when `from` and `to`
 * differ and no rate links them — such amounts are never added to others, and the widgets say so.
 */
export function convert(
  amount: number,
  from: Currency,
  to: Currency,
  rates: readonly Rate[] = [],
): number | null {
  if (from === to) return amount;
  const r = rateFor(from, to, rates);
  if (!r) return null;
  return r.from === from ? amount * r.rate : amount / r.rate;
}
