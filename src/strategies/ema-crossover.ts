/**
 * @module strategies/ema-crossover
 * The classic moving-average crossover on EMAs of the close (each seeded with the SMA of its first period): long on a bullish cross of the fast EMA over the
 * slow one, flat (or short with `allow_short`) on a bearish cross. Exact cross rule: `crossoverSignal`.
 */
import { z } from "zod";
import { columnOf } from "../indicators/column-of.js";
import type { IndicatorRef } from "../indicators/types.js";
import { crossoverSignal } from "./crossover-signal.js";
import type { StrategyDef } from "./types.js";

const schema = z
  .strictObject({
    fast: z.int().min(1).max(100_000).default(10).describe("Period of the fast EMA; must be less than slow."),
    slow: z.int().min(2).max(100_000).default(50).describe("Period of the slow EMA."),
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

const emaRef = (period: number): IndicatorRef => ({ name: "ema", params: { period } });

export const emaCrossover: StrategyDef<typeof schema> = {
  name: "ema_crossover",
  summary: "Long when the fast EMA crosses above the slow EMA; flat (or short) on the opposite cross.",
  schema,
  indicators: (p) => [emaRef(p.fast), emaRef(p.slow)],
  signal: (frame, p, out) =>
    crossoverSignal(
      frame.column(columnOf(emaRef(p.fast))),
      frame.column(columnOf(emaRef(p.slow))),
      p.allow_short,
      out,
    ),
};
