/**
 * @module risk/fixed-quantity
 * A constant number of units per full position, whatever the equity: quantity = qty x exposure. Useful for
 * futures-like studies and for tests where sizing must not depend on P&L; it can drive cash negative (margin).
 */
import { z } from "zod";
import type { RiskDef } from "./types.js";

const schema = z.strictObject({
  qty: z.number().min(1e-8).max(1e9).default(1).describe("Units held for a full (exposure 1) position."),
});

export const fixedQuantity: RiskDef<typeof schema> = {
  name: "fixed_quantity",
  summary: "Holds qty x exposure units regardless of equity.",
  schema,
  quantity: (ctx, { qty }) => qty * ctx.exposure,
};
