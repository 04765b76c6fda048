import * as z from 'zod/mini';
import { Id, Precision, SourceRefs } from './common';
import { IsoDate } from './dates';
import { LocalText } from './text';

/** Any ISO 4217 currency code: three capital letters (`EUR`, `XOF`, `USD`, `SEK`, `CHF`…). */
export const Currency = z
  .string()
  .check(
    z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code of three capital letters, like "EUR", "XOF" or "USD"'),
  )
  .register(z.globalRegistry, {
    description: 'An ISO 4217 currency code. Amounts are converted only through a rate stated in `rates`.',
    examples: ['EUR', 'XOF', 'USD'],
  });
export type Currency = z.infer<typeof Currency>;

/**
 * An exchange rate the dataset states and cites: 1 `from` = `rate` `to` (`{from: "EUR", to: "XOF", rate: 655.957}`).
 * `peg`: a fixed parity; `average`: an average over `period`; `spot`: the rate on a day (`period.start`). Amounts are
 * only ever converted through such a rate (either way), and a converted amount is `derived`.
 */
export const Rate = z.strictObject({
  from: Currency,
  to: Currency,
  rate: z.number().check(z.positive('a rate > 0')),
  kind: z.enum(['peg', 'average', 'spot']),
  period: z.optional(z.strictObject({ start: z.optional(IsoDate), end: z.optional(IsoDate) })),
  sources: SourceRefs,
  note: z.optional(LocalText),
});
export type Rate = z.infer<typeof Rate>;

/**
 * How a source hedges an approximate figure: `about` ("près de", "environ"), `at-least` ("plus de"),
 * `at-most` ("moins de"), `range` (from `amount` to `max`).
 */
export const Bound = z.enum(['about', 'at-least', 'at-most', 'range']);
export type Bound = z.infer<typeof Bound>;

const amountFields = {
  amount: z.number().check(z.nonnegative('a number ≥ 0')),
  currency: Currency,
  precision: Precision,
  bound: z.optional(Bound),
  max: z.optional(z.number().check(z.nonnegative('a number ≥ 0'))),
  sources: SourceRefs,
  note: z.optional(LocalText),
};

/** One reported amount of money, in currency units (29000000, not 29). */
export const MoneyReport = z.strictObject(amountFields);
export type MoneyReport = z.infer<typeof MoneyReport>;

/** An amount as the sources give it (with conflicting reports as alternatives), or explicitly undisclosed. */
export const ReportedMoney = z.union([
  z.strictObject({ ...amountFields, alternatives: z.optional(z.array(MoneyReport)) }),
  z.strictObject({ unknown: z.literal(true), sources: z.optional(z.array(Id)), note: z.optional(LocalText) }),
]);
export type ReportedMoney = z.infer<typeof ReportedMoney>;
export type KnownMoney = Extract<ReportedMoney, { amount: number }>;

/** A count of things or people (6 speedboats, 14 posts, "une dizaine"). */
export const Count = z.strictObject({
  value: z.int().check(z.nonnegative('a whole number ≥ 0')),
  precision: Precision,
  bound: z.optional(Bound),
  sources: SourceRefs,
  note: z.optional(LocalText),
});
export type Count = z.infer<typeof Count>;

export { convert, rateFor } from './convert';
export { isKnownMoney } from './read';
