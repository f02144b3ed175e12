/**
 * @module strategies/moving-average-crossover
 * One definition of the moving-average crossover, built for each average (`sma`, `ema`): the params schema
 * (fast < slow, optional shorts), the two indicators it reads and the signal from `crossoverSignal`. The SMA and
 * EMA strategies differ only in which average they read, so they share this rather than repeat it.
 */
import { z } from "zod";
import { crossoverSignal } from "./crossover-signal.js";
import { defineStrategy, type InputRef, type StrategyDef } from "./types.js";

function crossoverSchema(label: string) {
  return z
    .strictObject({
      fast: z
        .int()
        .min(1)
        .max(100_000)
        .default(10)
        .describe(`Period of the fast ${label}; must be less than slow.`),
      slow: z.int().min(2).max(100_000).default(50).describe(`Period of the slow ${label}.`),
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
}

export type CrossoverSchema = ReturnType<typeof crossoverSchema>;

export function movingAverageCrossover(average: "sma" | "ema"): StrategyDef<CrossoverSchema> {
  const label = average.toUpperCase();
  const ref = (period: number): InputRef => ({ name: average, params: { period } });
  return defineStrategy({
    name: `${average}_crossover`,
    summary: `Long when the fast ${label} crosses above the slow ${label}; flat (or short) on the opposite cross.`,
    schema: crossoverSchema(label),
    inputs: (p) => ({ fast: ref(p.fast), slow: ref(p.slow) }),
    signal: (inputs, p, out) => crossoverSignal(inputs.fast!, inputs.slow!, p.allow_short, out),
  });
}
