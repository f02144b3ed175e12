/**
 * @module sweeps/transport/run-trial-batch
 * Runs a batch of a sweep's trials, the unit every transport hands out (one call in-process, one per worker
 * thread task, one per Redis job): each trial's config is planned with the catalog and run by `runPlan` over the
 * in-sample bars (all bars but the holdout's last fraction), scored by the spec's objective on those bars, and
 * returned with its full metrics, keyed by trial index. A trial whose plugin or data fails is a failed result
 * naming its code; it never aborts the batch. Pure apart from the plugins: the same plan, indices, candles and
 * catalog give the same results on any machine.
 */
import { type Candles, sliceCandles } from "../../core/candles.js";
import type { Catalog } from "../../core/catalog.js";
import { quote, StudioError, toStudioError } from "../../core/errors.js";
import { planBacktest } from "../../engine/plan-backtest.js";
import { runPlan } from "../../engine/run-plan.js";
import { barsPerYear } from "../../metrics/bars-per-year.js";
import { objectiveValue } from "../../validation/objective.js";
import { barReturns } from "../../validation/returns.js";
import type { PlannedTrial } from "../plan/plan-trials.js";
import type { SweepPlan } from "../plan/sweep-plan.js";
import type { TrialResult } from "./trial-result.js";

/** Bars the search sees: all but the last `holdout` fraction (at least one bar is held out when holdout > 0). */
export function inSampleBars(bars: number, holdout: number): number {
  return holdout > 0 ? bars - Math.max(1, Math.floor(bars * holdout)) : bars;
}

export function runTrialBatch(
  plan: SweepPlan,
  indices: readonly number[],
  candles: Candles,
  catalog: Catalog,
): TrialResult[] {
  const byIndex = new Map<number, PlannedTrial>(plan.trials.map((t) => [t.index, t]));
  const isCandles = sliceCandles(candles, 0, inSampleBars(candles.ts.length, plan.spec.holdout));
  const perYear = barsPerYear(isCandles.ts) ?? 1;
  return indices.map((index) => {
    const trial = byIndex.get(index);
    if (trial === undefined) {
      throw new StudioError(
        "CONFIG_INVALID",
        `sweep ${plan.sweepHash}: no trial ${quote(index)} in its plan`,
      );
    }
    try {
      const backtest = planBacktest(trial.config, catalog);
      const result = runPlan(backtest, { candles: isCandles });
      const returns = barReturns(result.equity, 0, isCandles.ts.length, trial.config.initial_cash);
      return {
        index,
        status: "done",
        objective: objectiveValue(plan.spec.objective, returns, perYear),
        metrics: result.metrics,
        error: null,
      };
    } catch (err) {
      const e = toStudioError(err);
      if (e.code === "INTERNAL") throw err;
      return {
        index,
        status: "failed",
        objective: null,
        metrics: null,
        error: { code: e.code, message: e.message },
      };
    }
  });
}
