/**
 * @module strategies/donchian-breakout
 * Channel breakout. With shifted features c[t] = close of bar t-1 and upper/lower[t] = Donchian channel of the
 * `period` bars ending at t-1, yesterday's close is compared with the channel of the `period` bars *before*
 * yesterday: c[t] > upper[t-1] is an upside breakout and targets +1; c[t] < lower[t-1] is a downside breakout
 * and targets 0, or -1 with `allow_short`. (Comparing c[t] with upper[t] could never break out: that channel
 * contains yesterday's own high.) The target holds between breakouts; flat before the first; NaN never signals.
 */
import { z } from "zod";
import { defineStrategy } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(100_000).default(20).describe("Bars in the Donchian channel."),
  allow_short: z.boolean().default(false).describe("Go short on a downside breakout instead of flat."),
});

export const donchianBreakout = defineStrategy({
  name: "donchian_breakout",
  summary: "Long when the close breaks above the prior Donchian high; flat (or short) below the prior low.",
  schema,
  inputs: (p) => ({
    upper: { name: "donchian", params: { period: p.period }, output: "upper" },
    lower: { name: "donchian", params: { period: p.period }, output: "lower" },
    close: { name: "price", params: { field: "close" } },
  }),
  signal: (inputs, p, out) => {
    const upper = inputs.upper!;
    const lower = inputs.lower!;
    const close = inputs.close!;
    const n = out.length;
    if (n === 0) return;
    const downside = p.allow_short ? -1 : 0;
    let target = 0;
    out[0] = 0;
    for (let t = 1; t < n; t++) {
      const c = close[t]!;
      if (c > upper[t - 1]!) target = 1;
      else if (c < lower[t - 1]!) target = downside;
      out[t] = target;
    }
  },
});
