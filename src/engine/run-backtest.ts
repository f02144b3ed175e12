/**
 * @module engine/run-backtest
 * The library's one-call backtest: features (shifted +1 bar), the strategy's target signal, the simulation and
 * the metrics, all in memory with no disk access, so users and the validation stage can call it in a loop.
 * Candles are struct-of-arrays Float64Array columns (ts in epoch ms), as providers return them; the config's
 * provider, symbol and range fields are ignored when candles are given.
 */
import { assertCandleShape, type Candles } from "../core/candles.js";
import { StudioError } from "../core/errors.js";
import type { Fills, Metrics, PortfolioBars, RoundTrips } from "../core/results.js";
import { parseRunConfigShape, type RunConfig, type RunConfigInput } from "../core/run-config.js";
import { computeFeatures } from "../indicators/compute-features.js";
import type { FeatureSet } from "../indicators/feature-set.js";
import { computeMetrics } from "../metrics/compute-metrics.js";
import { defineLazy } from "./define-lazy.js";
import { type BacktestPlan, planBacktest } from "./plan-backtest.js";
import { exitOptions } from "./plan-exits.js";
import { simulate } from "./simulate.js";

export interface BacktestResult {
  readonly features: FeatureSet;
  /** The strategy's target per bar. */
  readonly signal: Float64Array;
  readonly fills: Fills;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
  readonly portfolio: PortfolioBars;
  readonly trades: RoundTrips;
  readonly metrics: Metrics;
  readonly warnings: string[];
}

export interface BacktestInputs {
  readonly candles: Candles;
  /** Precomputed features (e.g. from the feature cache); computed when absent. */
  readonly features?: FeatureSet;
}

/** Runs one backtest in memory. `config` may be a RunConfig or its input form (defaults are filled). */
export function runBacktest(config: RunConfig | RunConfigInput, inputs: BacktestInputs): BacktestResult {
  const plan = planBacktest(parseRunConfigShape(config));
  return runPlan(plan, inputs);
}

/** Runs a resolved plan: the loop body for callers that replay many series with the same settings. */
export function runPlan(plan: BacktestPlan, inputs: BacktestInputs): BacktestResult {
  const { candles } = inputs;
  assertCandleShape(candles);
  if (candles.ts.length === 0) throw new StudioError("INSUFFICIENT_DATA", "runBacktest: no candles");
  const features = inputs.features ?? computeFeatures(plan.indicators, candles);
  const signal = new Float64Array(candles.ts.length);
  plan.strategy.def.signal(features.frame, plan.strategy.params, signal);
  const sim = simulate(candles, signal, {
    initialCash: plan.config.initial_cash,
    execution: plan.config.execution,
    risk: plan.risk,
    intervalMs: plan.intervalMs,
    ...exitOptions(plan.exits, features.frame),
  });
  const metrics = computeMetrics({
    candles,
    portfolio: sim.portfolio,
    fills: sim.fills,
    trades: sim.trades,
    initialCash: plan.config.initial_cash,
  });
  const result = {
    features,
    signal,
    fills: sim.fills,
    equity: sim.portfolio.equity,
    portfolio: sim.portfolio,
    trades: sim.trades,
    metrics,
    warnings: sim.warnings,
  };
  // The drawdown column is computed by the engine on first read; metrics derive drawdowns from equity themselves,
  // so a caller that never reads it (a validation loop) never pays for it.
  return defineLazy(result, { drawdown: () => sim.drawdown });
}
