/**
 * @module sweeps/plan/evaluate-trial
 * One sweep trial, in memory and without artifacts: the trial's plan against the run's catalog, its features
 * taken from the sweep's shared columns (each distinct indicator computed once for the whole sweep), `runPlan`
 * over the in-sample candles, then what the sweep keeps of it: the full metrics, the objective shared with
 * walk-forward on the in-sample bar returns, the per-period Sharpe for the deflated Sharpe ratio, and the
 * returns' per-block sums for PBO (log returns when the objective is total_return, as the overfitting section
 * does). Pure: the same trial gives the same bits on any thread.
 */
import type { Candles } from "../../core/candles.js";
import type { Catalog } from "../../core/catalog/catalog.js";
import type { ColumnWorkspace } from "../../core/column-workspace.js";
import { StudioError } from "../../core/errors.js";
import type { Metrics } from "../../core/results.js";
import type { RunConfig } from "../../core/run-config.js";
import { planBacktest } from "../../engine/plan-backtest.js";
import { runPlan } from "../../engine/run-plan.js";
import { uniqueIndicators } from "../../indicators/features/compute-features.js";
import { type FeatureColumn, featureSetFromColumns } from "../../indicators/features/feature-set.js";
import type { ResolvedIndicator } from "../../indicators/features/resolve-indicator.js";
import { type Objective, objectiveAndSharpe } from "../../validation/objective.js";
import { type TrialBlockSums, trialBlockSums } from "../../validation/overfitting/cscv-blocks.js";
import { cscvLayout } from "../../validation/overfitting/probability-of-backtest-overfitting.js";
import { barReturns } from "../../validation/returns.js";

export interface TrialContext {
  readonly catalog: Catalog;
  /** The in-sample candles (the holdout already cut off). */
  readonly candles: Candles;
  /** Shared feature columns by name, of the in-sample length. */
  readonly features: ReadonlyMap<string, FeatureColumn>;
  readonly objective: Objective;
  readonly barsPerYear: number;
  readonly pboPartitions: number;
  /**
   * Columns reused from trial to trial of one thread (the simulation's, the targets, the bar returns): reset at
   * the start of each trial, so a trial's columns are valid until the next one starts; what a trial keeps
   * (objective, Sharpe, metrics, block sums) is plain numbers or fresh arrays. Without it every trial allocates.
   */
  readonly workspace?: ColumnWorkspace;
}

export interface TrialOutcome {
  readonly objective: number;
  /** Per-period Sharpe (mean / stdev ddof 1) of the in-sample bar returns. */
  readonly sharpe: number;
  readonly metrics: Metrics;
  readonly blocks: TrialBlockSums;
}

export function evaluateTrial(config: RunConfig, ctx: TrialContext): TrialOutcome {
  const { r, metrics } = runTrial(config, ctx);
  const pboColumn = ctx.objective === "total_return" ? r.map(Math.log1p) : r;
  const { objective, sharpe } = objectiveAndSharpe(ctx.objective, r, ctx.barsPerYear);
  return {
    objective,
    sharpe,
    metrics,
    blocks: trialBlockSums(pboColumn, cscvLayout(r.length, ctx.pboPartitions)),
  };
}

/** The trial's in-sample bar returns and metrics (in `ctx.workspace`'s columns when it has one). */
export function runTrial(config: RunConfig, ctx: TrialContext): { r: Float64Array; metrics: Metrics } {
  const plan = planBacktest(config, ctx.catalog);
  const columns: FeatureColumn[] = [];
  for (const indicator of uniqueIndicators(plan.indicators)) {
    for (const c of indicator.columns) {
      const column = ctx.features.get(c.name);
      if (column === undefined)
        throw new StudioError("INTERNAL", `sweep: feature ${c.name} was not precomputed`);
      columns.push(column);
    }
  }
  const n = ctx.candles.ts.length;
  const workspace = ctx.workspace;
  workspace?.reset();
  const result = runPlan(plan, {
    candles: ctx.candles,
    features: featureSetFromColumns(columns, n),
    ...(workspace ? { workspace } : {}),
  });
  const r = barReturns(result.equity, 0, n, config.initial_cash, workspace?.float64(n));
  return { r, metrics: result.metrics };
}

/** Every distinct indicator the trials read, in first-use order: what the sweep computes once and shares. */
export function sweepIndicators(configs: readonly RunConfig[], catalog: Catalog): ResolvedIndicator[] {
  return uniqueIndicators(configs.flatMap((c) => planBacktest(c, catalog).indicators));
}
