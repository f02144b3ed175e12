/**
 * @module risk/fixed-fraction
 * All-in (or partial, or leveraged) sizing by a fraction of equity: notional = fraction x exposure x equity, with
 * equity marked at the fill price. The quantity divides that notional by the all-in cost of one unit, price x
 * (1 + commission_bps/1e4) + commission_per_share, so that after the entry's commission an all-in position
 * leaves cash at (about) zero rather than below it. With commission_per_share = 0 this is exactly
 * `notional / (price x (1 + commission_bps/1e4))` of docs/architecture.md#orders-and-fills.
 */
import { z } from "zod";
import type { RiskDef, SizingContext } from "./types.js";

const schema = z.strictObject({
  fraction: z
    .number()
    .min(1e-4)
    .max(10)
    .default(1)
    .describe("Share of equity put into a full (exposure 1) position; above 1 is leverage."),
});

export const fixedFraction: RiskDef<typeof schema> = {
  name: "fixed_fraction",
  summary: "Holds fraction x exposure x equity worth of units, commissions included.",
  schema,
  quantity: (ctx, { fraction }) => fixedFractionQuantity(ctx, fraction),
};

/** Unrounded units; 0 when equity is not positive (nothing left to size from). */
export function fixedFractionQuantity(ctx: SizingContext, fraction: number): number {
  const notional = fraction * ctx.exposure * ctx.equity;
  if (!(notional > 0)) return 0;
  return notional / (ctx.price * (1 + ctx.commissionRate) + ctx.commissionPerShare);
}
