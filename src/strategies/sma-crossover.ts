/**
 * @module strategies/sma-crossover
 * The classic moving-average crossover on SMAs of the close: long on a bullish cross of the fast SMA over the
 * slow one, flat (or short with `allow_short`) on a bearish cross. Exact cross rule: `crossoverSignal`.
 */
import { z } from "zod";
import { columnOf } from "../indicators/column-of.js";
import type { IndicatorRef } from "../indicators/types.js";
import { crossoverSignal } from "./crossover-signal.js";
import type { StrategyDef } from "./types.js";

const schema = z
  .strictObject({
    fast: z.int().min(1).max(100_000).default(10).describe("Period of the fast SMA; must be less than slow."),
    slow: z.int().min(2).max(100_000).default(50).describe("Period of the slow SMA."),
    allow_short: z.boolean().default(false).describe("Go short on a bearish cross instead of flat."),
  })
  .superRefine((p, ctx) => {
    if (p.fast >= p.slow) {
      ctx.addIssue({
        code: "custom",
        path: ["fast"],
        message: `fast (${p.fast}) must be less than slow (${p.slow})`,
      });
    }
  });

const smaRef = (period: number): IndicatorRef => ({ name: "sma", params: { period } });

export const smaCrossover: StrategyDef<typeof schema> = {
  name: "sma_crossover",
  summary: "Long when the fast SMA crosses above the slow SMA; flat (or short) on the opposite cross.",
  schema,
  indicators: (p) => [smaRef(p.fast), smaRef(p.slow)],
  signal: (frame, p, out) =>
    crossoverSignal(
      frame.column(columnOf(smaRef(p.fast))),
      frame.column(columnOf(smaRef(p.slow))),
      p.allow_short,
      out,
    ),
};
