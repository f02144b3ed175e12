/**
 * @module strategies/test-support/fractional-trend
 * A test strategy with fractional targets, to hold the strategy contract to them: half long while yesterday's
 * close is above its SMA, a quarter short (with `allow_short`) or flat below it, flat during the warm-up.
 */
import { z } from "zod";
import { defineStrategy } from "../types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(1000).default(10).describe("SMA period."),
  allow_short: z.boolean().default(false).describe("A quarter short below the SMA instead of flat."),
});

export const fractionalTrend = defineStrategy({
  name: "fractional_trend",
  summary: "Half long above the SMA; a quarter short (or flat) below it.",
  schema,
  inputs: (p) => ({
    close: { name: "price", params: { field: "close" } },
    sma: { name: "sma", params: { period: p.period } },
  }),
  signal: (inputs, p, out) => {
    const close = inputs.close!;
    const sma = inputs.sma!;
    const below = p.allow_short ? -0.25 : 0;
    for (let t = 0; t < out.length; t++) {
      const c = close[t]!;
      const s = sma[t]!;
      out[t] = c > s ? 0.5 : c < s ? below : 0;
    }
  },
});
