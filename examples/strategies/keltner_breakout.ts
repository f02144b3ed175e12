// Keltner-channel breakout: go long when the close breaks above the upper band, short (if allowed) when it
// breaks below the lower band, and go flat when it crosses back over the middle line. Needs the `keltner`
// indicator of examples/indicators/keltner.ts in {home}/indicators/.
// Every input is shifted by one bar: close[t] and upper[t] are the values at the close of bar t-1, so the
// decision at the open of bar t uses only what was known then.
import { defineStrategy, z } from "backtest-studio";

export default defineStrategy({
  name: "keltner_breakout",
  summary: "Long above the upper Keltner band, short below the lower one, flat across the middle.",
  schema: z.strictObject({
    period: z.int().min(1).max(10_000).default(20).describe("EMA period of the channel's middle line."),
    atr_period: z.int().min(1).max(10_000).default(10).describe("ATR period of the channel's width."),
    mult: z.number().positive().max(100).default(2).describe("Band width in ATRs."),
    allow_short: z.boolean().default(false).describe("Also trade breakouts below the lower band."),
  }),
  inputs: ({ period, atr_period, mult }) => {
    const channel = { name: "keltner", params: { period, atr_period, mult } };
    return {
      close: { name: "price", params: { field: "close" } },
      upper: { ...channel, output: "upper" },
      middle: { ...channel, output: "middle" },
      lower: { ...channel, output: "lower" },
    };
  },
  signal: ({ close, upper, middle, lower }, { allow_short }, out) => {
    let target = 0;
    for (let t = 0; t < out.length; t++) {
      if (close[t] > upper[t]) target = 1;
      else if (allow_short && close[t] < lower[t]) target = -1;
      else if ((target > 0 && close[t] < middle[t]) || (target < 0 && close[t] > middle[t])) target = 0;
      out[t] = target;
    }
  },
});
