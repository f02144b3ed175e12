/**
 * @module strategies/rsi-reversion
 * Mean reversion on Wilder's RSI, read shifted (r[t] = RSI at the close of bar t-1). r[t] < lower (oversold)
 * targets +1; r[t] > upper (overbought) targets 0, or -1 with `allow_short`; between the two levels the target
 * holds. So a long opened when oversold is kept until the market is overbought (and, with shorts, a short until
 * it is oversold again). Flat before the first signal; NaN (warm-up) never signals.
 */
import { z } from "zod";
import { defineStrategy } from "./types.js";

const schema = z
  .strictObject({
    period: z.int().min(2).max(100_000).default(14).describe("RSI period."),
    lower: z.number().min(0).max(100).default(30).describe("Oversold level: RSI below it goes long."),
    upper: z
      .number()
      .min(0)
      .max(100)
      .default(70)
      .describe("Overbought level: RSI above it exits (or shorts)."),
    allow_short: z.boolean().default(false).describe("Go short when overbought instead of flat."),
  })
  .superRefine((p, ctx) => {
    if (p.lower >= p.upper) {
      ctx.addIssue({
        code: "custom",
        path: ["lower"],
        message: `lower (${p.lower}) must be less than upper (${p.upper})`,
      });
    }
  });

export const rsiReversion = defineStrategy({
  name: "rsi_reversion",
  summary: "Long when RSI is below `lower`; flat (or short) when it is above `upper`; hold in between.",
  schema,
  inputs: (p) => ({ rsi: { name: "rsi", params: { period: p.period } } }),
  signal: (inputs, p, out) => {
    const r = inputs.rsi!;
    const overbought = p.allow_short ? -1 : 0;
    let target = 0;
    for (let t = 0; t < out.length; t++) {
      const value = r[t]!;
      if (value < p.lower) target = 1;
      else if (value > p.upper) target = overbought;
      out[t] = target;
    }
  },
});
