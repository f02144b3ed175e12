/**
 * @module bench/cases/rules-signal-1m
 * The `rules` strategy written as the SMA 10/50 crossover (`cross_above` to enter, `cross_below` to exit) against
 * the built-in `sma_crossover`, on the same features of a million bars: `signal()` only, into an `out` already
 * written once, as runPlan hands it over. The two run interleaved, and the verdict is the median of the
 * per-pair ratios (rules / built-in), so a load change during the case moves both sides together. Target: 1.5x.
 */
import type { BenchCase } from "../case.js";
import { minuteRequest, SMA_10_50 } from "../case.js";
import { median, summarize } from "../measure.js";

type M<T> = Promise<T>;

const TARGET_RATIO = 1.5;

export const rulesSignal1m: BenchCase = {
  name: "rules_signal_1m",
  summary: "signal of the SMA 10/50 crossover as rules vs sma_crossover, 1M bars",
  async run(ctx) {
    const [
      { parseRunConfigShape },
      { generateSynthetic },
      { planBacktest },
      { inputColumns },
      { computeFeatures },
    ] = await Promise.all([
      ctx.dist("core/run-config.js") as M<typeof import("../../src/core/run-config.js")>,
      ctx.dist("data/providers/synthetic/synthetic-generator.js") as M<
        typeof import("../../src/data/providers/synthetic/synthetic-generator.js")
      >,
      ctx.dist("engine/plan-backtest.js") as M<typeof import("../../src/engine/plan-backtest.js")>,
      ctx.dist("engine/run-plan.js") as M<typeof import("../../src/engine/run-plan.js")>,
      ctx.dist("indicators/features/compute-features.js") as M<
        typeof import("../../src/indicators/features/compute-features.js")
      >,
    ]);
    const { builtinCatalog } = (await ctx.dist(
      "runs/builtin-catalog.js",
    )) as typeof import("../../src/runs/builtin-catalog.js");
    const candles = generateSynthetic(minuteRequest(1_000_000));
    const cross = (fn: string) => `${fn}(sma(close, $fast), sma(close, $slow))`;
    const strategies = [
      SMA_10_50,
      {
        name: "rules",
        params: {
          long_entry: cross("cross_above"),
          long_exit: cross("cross_below"),
          vars: { fast: 10, slow: 50 },
        },
      },
    ];
    const signals = strategies.map((strategy) => {
      const plan = planBacktest(
        parseRunConfigShape({ ...minuteRequest(1_000_000), provider: "synthetic", strategy }),
        builtinCatalog(),
      );
      const inputs = inputColumns(plan, computeFeatures(plan.indicators, candles));
      const out = new Float64Array(candles.ts.length).fill(Number.NaN);
      return () => plan.strategy.def.signal(inputs, plan.strategy.params, out);
    });
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < 29; i++) {
      signals.forEach((signal, k) => {
        const t = performance.now();
        signal();
        // The first four rounds warm the JIT.
        if (i >= 4) times[k]!.push(performance.now() - t);
      });
    }
    const [builtin, rules] = times;
    const ratio = Math.round(median(rules.map((t, i) => t / builtin[i]!)) * 100) / 100;
    const minRatio = Math.round((Math.min(...rules) / Math.min(...builtin)) * 100) / 100;
    ctx.record(
      summarize("rules_signal_1m.sma_crossover", builtin, { notes: "the built-in's signal, 1M bars" }),
    );
    // The runner judges time budgets against the floor only, so the ratio to the built-in is reported in notes.
    ctx.record(
      summarize("rules_signal_1m", rules, {
        notes: `rules / sma_crossover signal time: median of per-pair ratios ${ratio}, ratio of minima ${minRatio}; target ${TARGET_RATIO}x (${ratio <= TARGET_RATIO ? "met" : "not met"})`,
      }),
    );
    ctx.note(
      `rules_signal_1m: ${ratio}x the built-in's signal time (minima: ${minRatio}x), target ${TARGET_RATIO}x`,
    );
  },
};
