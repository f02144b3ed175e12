/**
 * @module strategies/bollinger-reversion
 * Mean reversion to the Bollinger mid band. With shifted features c[t] = close of bar t-1 and the bands of the
 * `period` closes ending at t-1 (the same bar, both known at the open of t): c < lower targets +1; c > upper
 * targets -1 with `allow_short`, else 0 (which also closes a long); between the bands a long is closed once
 * c >= mid and a short once c <= mid, and otherwise the target holds. Flat before the first signal; NaN never
 * signals.
 */
import { z } from "zod";
import { defineStrategy, type InputRef } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(2).max(100_000).default(20).describe("Bollinger window in bars."),
  stddev: z.number().positive().max(1_000).default(2).describe("Band half-width in standard deviations."),
  allow_short: z.boolean().default(false).describe("Short above the upper band instead of staying flat."),
});

const band = (p: { period: number; stddev: number }, output: string): InputRef => ({
  name: "bollinger",
  params: { period: p.period, stddev: p.stddev },
  output,
});

export const bollingerReversion = defineStrategy({
  name: "bollinger_reversion",
  summary: "Long below the lower Bollinger band until the close is back at the mid band; optional shorts.",
  schema,
  inputs: (p) => ({
    mid: band(p, "mid"),
    upper: band(p, "upper"),
    lower: band(p, "lower"),
    close: { name: "price", params: { field: "close" } },
  }),
  signal: (inputs, p, out) => {
    const mid = inputs.mid!;
    const upper = inputs.upper!;
    const lower = inputs.lower!;
    const close = inputs.close!;
    const above = p.allow_short ? -1 : 0;
    let target = 0;
    for (let t = 0; t < out.length; t++) {
      const c = close[t]!;
      if (c < lower[t]!) target = 1;
      else if (c > upper[t]!) target = above;
      else if (target === 1 && c >= mid[t]!) target = 0;
      else if (target === -1 && c <= mid[t]!) target = 0;
      out[t] = target;
    }
  },
});
