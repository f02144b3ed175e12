/**
 * @module bench/cases/permutation-1000-10k
 * The permutation test's cost: 1000 OHLC permutations of 10,000 bars, each re-running the whole pipeline, on the
 * worker pool (pool start included), on every available core and then on one, for the scaling ratio.
 */
import { availableParallelism } from "node:os";
import type { BenchCase } from "../case.js";
import { minuteRequest, SMA_10_50 } from "../case.js";
import { measure } from "../measure.js";

export const permutation1000x10k: BenchCase = {
  name: "permutation_1000_10k",
  summary: "permutation test n=1000 on 10k bars, worker pool on all cores and on one",
  async run(ctx) {
    const { parseRunConfigShape } = (await ctx.dist(
      "core/run-config.js",
    )) as typeof import("../../src/core/run-config.js");
    const { generateSynthetic } = (await ctx.dist(
      "data/providers/synthetic/synthetic-generator.js",
    )) as typeof import("../../src/data/providers/synthetic/synthetic-generator.js");
    const { runBacktest } = (await ctx.dist(
      "engine/run-backtest.js",
    )) as typeof import("../../src/engine/run-backtest.js");
    const { runValidationPooled } = (await ctx.dist(
      "runs/workers/validation-pool.js",
    )) as typeof import("../../src/runs/workers/validation-pool.js");
    const { builtinCatalog } = (await ctx.dist(
      "runs/builtin-catalog.js",
    )) as typeof import("../../src/runs/builtin-catalog.js");
    const candles = generateSynthetic(minuteRequest(10_000));
    const config = parseRunConfigShape({
      ...minuteRequest(10_000),
      provider: "synthetic",
      strategy: SMA_10_50,
      validation: { permutation: { n: 1000 } },
    });
    const real = runBacktest(config, { candles });
    const inputs = {
      catalog: builtinCatalog(),
      candles,
      realEquity: real.equity,
      realTradeReturns: real.trades.returnPct,
    };
    const threads = availableParallelism();
    ctx.record(
      await measure("permutation_1000_10k", () => runValidationPooled(config, inputs, { threads }), {
        // No-regression budget: 230-360x on 2 threads and 210-320x on 1, measured on the 2-core development
        // machine (2026-12-01), quiet and busy, plus headroom.
        budgetX: threads >= 2 ? 400 : 450,
        runs: 5,
        warmup: 1,
        notes: `n=1000 permutations of 10,000 bars, SMA crossover, ${threads} worker threads, pool start included`,
      }),
    );
    ctx.record(
      await measure(
        "permutation_1000_10k_1thread",
        () => runValidationPooled(config, inputs, { threads: 1 }),
        {
          runs: 3,
          warmup: 1,
          notes: "same on 1 worker thread, for the scaling ratio",
        },
      ),
    );
  },
};
