/**
 * @module bench/cases/core-pipeline-1m
 * The research core on a million bars in memory: features, signal, simulation and metrics of an SMA 10/50
 * crossover (what a researcher calling `runBacktest` pays), then the same four stages timed one by one.
 */
import type { BenchCase } from "../case.js";
import { MINUTE, minuteRequest, SMA_10_50 } from "../case.js";
import { measure, summarize } from "../measure.js";

type M<T> = Promise<T>;

export const corePipeline1m: BenchCase = {
  name: "core_pipeline_1m",
  summary: "features + signal + simulation + metrics, SMA 10/50, 1M 1m bars in memory",
  async run(ctx) {
    const [{ parseRunConfigShape }, { generateSynthetic }, { planBacktest }, { runBacktest }, { simulate }] =
      await Promise.all([
        ctx.dist("core/run-config.js") as M<typeof import("../../src/core/run-config.js")>,
        ctx.dist("data/synthetic-generator.js") as M<typeof import("../../src/data/synthetic-generator.js")>,
        ctx.dist("engine/plan-backtest.js") as M<typeof import("../../src/engine/plan-backtest.js")>,
        ctx.dist("engine/run-backtest.js") as M<typeof import("../../src/engine/run-backtest.js")>,
        ctx.dist("engine/simulate.js") as M<typeof import("../../src/engine/simulate.js")>,
      ]);
    const { computeFeatures } = (await ctx.dist(
      "indicators/compute-features.js",
    )) as typeof import("../../src/indicators/compute-features.js");
    const { computeMetrics } = (await ctx.dist(
      "metrics/compute-metrics.js",
    )) as typeof import("../../src/metrics/compute-metrics.js");
    const { inputColumns } = (await ctx.dist(
      "engine/run-plan.js",
    )) as typeof import("../../src/engine/run-plan.js");
    const { builtinCatalog } = (await ctx.dist(
      "runs/builtin-catalog.js",
    )) as typeof import("../../src/runs/builtin-catalog.js");

    const candles = generateSynthetic(minuteRequest(1_000_000));
    const config = parseRunConfigShape({
      ...minuteRequest(1_000_000),
      provider: "synthetic",
      strategy: SMA_10_50,
    });
    ctx.record(
      await measure("core_pipeline_1m", () => runBacktest(config, { candles }), {
        // No-regression budget: 17-21x measured on the 2-core development machine (2026-12-01), quiet and busy,
        // plus headroom.
        budgetX: 30,
        runs: 9,
        notes: "features + signal + simulation + metrics, SMA 10/50 crossover, 1,000,000 1m bars in memory",
      }),
    );
    const plan = planBacktest(config, builtinCatalog());
    const parts = {
      features: [] as number[],
      signal: [] as number[],
      simulation: [] as number[],
      metrics: [] as number[],
    };
    for (let i = 0; i < 9; i++) {
      let t = performance.now();
      const f = computeFeatures(plan.indicators, candles);
      parts.features.push(performance.now() - t);
      t = performance.now();
      const signal = new Float64Array(candles.ts.length);
      plan.strategy.def.signal(inputColumns(plan, f), plan.strategy.params, signal);
      parts.signal.push(performance.now() - t);
      t = performance.now();
      const sim = simulate(candles, signal, {
        initialCash: 10_000,
        execution: config.execution,
        risk: plan.risk,
        intervalMs: MINUTE,
      });
      parts.simulation.push(performance.now() - t);
      t = performance.now();
      computeMetrics({
        candles,
        portfolio: sim.portfolio,
        fills: sim.fills,
        trades: sim.trades,
        initialCash: 10_000,
        // As runPlan does: exposure from the engine's count, so the position column is not derived here.
        exposedBars: sim.exposedBars,
      });
      parts.metrics.push(performance.now() - t);
    }
    // The first two repetitions warm the JIT, as measure() does.
    for (const [k, v] of Object.entries(parts)) ctx.record(summarize(`core_pipeline_1m.${k}`, v.slice(2)));
  },
};
