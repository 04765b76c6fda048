import * as z from 'zod/mini';
import { Id, Precision, SourceRefs } from './common';
import { LocalText } from './text';

/** Fixed peg of the CFA franc (XOF) to the euro. Conversions with it are `derived`. */
export const XOF_PER_EUR = 655.957;

export const Currency = z.enum(['EUR', 'XOF']);
export type Currency = z.infer<typeof Currency>;

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
export function isKnownMoney(m: ReportedMoney | undefined): m is KnownMoney {
  return m !== undefined && 'amount' in m;
}

/** A count of things or people (6 speedboats, 14 posts, "une dizaine"). */
export const Count = z.strictObject({
  value: z.int().check(z.nonnegative('a whole number ≥ 0')),
  precision: Precision,
  bound: z.optional(Bound),
  sources: SourceRefs,
  note: z.optional(LocalText),
});
export type Count = z.infer<typeof Count>;

/** Converts an amount between EUR and XOF with the fixed peg. */
export function convert(amount: number, from: Currency, to: Currency): number {
  if (from === to) return amount;
  return from === 'EUR' ? amount * XOF_PER_EUR : amount / XOF_PER_EUR;
}
