/**
 * @module bench/cases/core-pipeline-exits-1m
 * The research core with every kind of exit on: the SMA 10/50 crossover of core_pipeline_1m with a stop-loss, a
 * take-profit, a trailing stop and a time exit (fractions of the entry fill), so the bar loop checks live levels,
 * reading high and low, on almost every bar; and the same with the target measured in ATR(14), which adds the
 * ATR feature. As in core_pipeline_1m, the repetitions run through one column workspace (reset before each), as
 * replications and sweep trials do; `.fresh` is the one-off `runBacktest` call.
 */
import type { BenchCase } from "../case.js";
import { minuteRequest, SMA_10_50 } from "../case.js";
import { measure } from "../measure.js";

type M<T> = Promise<T>;

const EXITS = { stop_loss: 0.01, take_profit: 0.02, trailing_stop: 0.005, max_bars: 30 };

export const corePipelineExits1m: BenchCase = {
  name: "core_pipeline_exits_1m",
  summary: "core_pipeline_1m with stop-loss, take-profit, trailing and time exits on",
  async run(ctx) {
    const [
      { parseRunConfigShape },
      { ColumnWorkspace },
      { generateSynthetic },
      { planBacktest },
      { runBacktest },
      { runPlan },
      { builtinCatalog },
    ] = await Promise.all([
      ctx.dist("core/run-config.js") as M<typeof import("../../src/core/run-config.js")>,
      ctx.dist("core/column-workspace.js") as M<typeof import("../../src/core/column-workspace.js")>,
      ctx.dist("data/providers/synthetic/synthetic-generator.js") as M<
        typeof import("../../src/data/providers/synthetic/synthetic-generator.js")
      >,
      ctx.dist("engine/plan-backtest.js") as M<typeof import("../../src/engine/plan-backtest.js")>,
      ctx.dist("engine/run-backtest.js") as M<typeof import("../../src/engine/run-backtest.js")>,
      ctx.dist("engine/run-plan.js") as M<typeof import("../../src/engine/run-plan.js")>,
      ctx.dist("runs/builtin-catalog.js") as M<typeof import("../../src/runs/builtin-catalog.js")>,
    ]);
    const catalog = builtinCatalog();
    const workspace = new ColumnWorkspace();
    const pooled = (cfg: ReturnType<typeof parseRunConfigShape>) => () => {
      workspace.reset();
      return runPlan(planBacktest(cfg, catalog), { candles, workspace });
    };
    const candles = generateSynthetic(minuteRequest(1_000_000));
    const config = (exits: Record<string, unknown>) =>
      parseRunConfigShape({ ...minuteRequest(1_000_000), provider: "synthetic", strategy: SMA_10_50, exits });
    const fractions = config(EXITS);
    ctx.record(
      await measure("core_pipeline_exits_1m", pooled(fractions), {
        // The target issue 11 set (at most 7x the floor with all four exits on); not met yet on the 2-core
        // development machine, where the case measured 8-12x busy (2026-12-01; .fresh 12-20x).
        budgetX: 7,
        runs: 9,
        notes: `features + signal + simulation + metrics, SMA 10/50 with exits ${JSON.stringify(EXITS)}, 1,000,000 1m bars, through one column workspace`,
      }),
    );
    ctx.record(
      await measure("core_pipeline_exits_1m.fresh", () => runBacktest(fractions, { candles }), {
        runs: 9,
        notes: "the same as one-off runBacktest calls: every column allocated fresh",
      }),
    );
    const atr = config({ ...EXITS, take_profit: { atr: 14, mult: 3 } });
    ctx.record(
      await measure("core_pipeline_exits_atr_1m", pooled(atr), {
        runs: 9,
        notes: "same with the target at 3 x ATR(14): the ATR feature is computed too (through the workspace)",
      }),
    );
  },
};
