/**
 * @module validation/types
 * The contract between validation and the backtest it re-runs, and the shape of `validation_summary.json`.
 * Validation never imports the engine: it receives a `Replayer`, so the statistics can be tested with a tiny fake
 * strategy and the worker-thread pool can hand each thread its own engine instance.
 */
import type { Candles } from "../core/candles.js";
import type { Histogram } from "./histogram.js";
import type { EquityFan } from "./resampling/equity-fan.js";

export type StrategyParams = Record<string, unknown>;

/** What one backtest run hands back to validation. Read before the next `run` call (buffers may be reused). */
export interface ReplayResult {
  /** Equity marked at each bar's close, one entry per candle; exactly `initialCash` before `startIndex`. */
  readonly equity: Float64Array;
  /** Returns on equity of the closed round trips, in exit order (RoundTrips.returnPct). */
  readonly tradeReturns: Float64Array;
}

/** A deterministic backtest: same candles, params and start index give the same result. */
export interface Replayer {
  /**
   * Runs the strategy over all `candles` (indicators see the whole history), but trades only from bar
   * `startIndex` on: the first order can fill at the open of `startIndex`, and equity before it stays flat.
   * The permutation test passes the same candle buffers on every call with new contents, so nothing may be
   * cached by the identity of `candles` or its columns.
   */
  run(candles: Candles, params: StrategyParams, startIndex: number): ReplayResult;
  /** False for a param set the strategy rejects as a whole (e.g. fast >= slow); such grid points are skipped. */
  accepts?(params: StrategyParams): boolean;
  /** Bars the strategy needs before its first meaningful signal (its indicators' lookback). */
  warmupBars(params: StrategyParams): number;
  readonly initialCash: number;
  /** Annualization factor of the candles' timeframe (observed bars per year). */
  readonly barsPerYear: number;
}

export interface ValidationContext {
  readonly candles: Candles;
  /** The run's strategy params; grid values are merged over them. */
  readonly baseParams: StrategyParams;
  readonly replayer: Replayer;
  /** RunConfig.seed: the root of every random stream. */
  readonly seed: number;
  /** The real run's equity (same length as candles). */
  readonly realEquity: Float64Array;
  /** The real run's closed round-trip returns. */
  readonly realTradeReturns: Float64Array;
  /** Called with the completed share of the work, non-decreasing, ending at 1. */
  onProgress?(ratio: number): void;
  /** Polled between replications; true stops the run with StudioError CANCELLED. */
  shouldCancel?(): boolean;
}

export interface Percentiles {
  p5: number | null;
  p50: number | null;
  p95: number | null;
}

export interface PermutationSummary {
  n: number;
  p_value: number;
  mean_return: number | null;
  distribution_summary: Percentiles;
  observed_return: number | null;
  start_index: number;
  statistic: "total_return";
  /** Permuted returns >= the observed one (the p-value's numerator is this + 1). */
  count_at_least_observed: number;
  /** The permuted returns binned (the null distribution the report draws); null when none is finite. */
  histogram: Histogram | null;
}

export interface BlockBootstrapSummary {
  n: number;
  /** Block length used: an integer for circular, the expected length for stationary. */
  block_size: number;
  /** "auto" when Politis-White chose the length, "fixed" when the config gave it. */
  block_size_source: "auto" | "fixed";
  method: "circular" | "stationary";
  confidence: number;
  return_ci: { lower: number | null; upper: number | null };
  prob_loss: number;
  observed_return: number | null;
  bars: number;
  /** The resampled total returns binned, for the report; null when none is finite. */
  histogram: Histogram | null;
}

export interface MonteCarloSummary {
  n: number;
  trades: number;
  initial_equity: number;
  equity_p5: number | null;
  equity_p50: number | null;
  equity_p95: number | null;
  /** Max drawdowns as positive fractions of the running peak (0.2 = 20% below the peak). */
  max_drawdown_p50: number | null;
  max_drawdown_p95: number | null;
  prob_loss: number | null;
  /** Equity quantiles after 0, then K = min(trades, 50) trade counts from 1 to trades; null with no trades. */
  fan: EquityFan | null;
}

export interface WfoSegmentSummary {
  in_sample_start: number;
  in_sample_end: number;
  out_sample_start: number;
  out_sample_end: number;
  in_sample_bars: number;
  out_sample_bars: number;
  return: number;
  in_sample_return: number;
  in_sample_objective: number | null;
  best_params: Record<string, unknown>;
  oos_sharpe: number | null;
  walk_forward_efficiency: number | null;
}

export interface WfoSummary {
  windows: number;
  anchored: boolean;
  in_sample_ratio: number;
  objective: string;
  trials: number;
  /** Grid combinations the strategy rejected as a whole (e.g. fast >= slow), not run and not counted as trials. */
  skipped_trials: number;
  segments: WfoSegmentSummary[];
  stitched_oos_return: number;
  mean_in_sample_return: number;
  walk_forward_efficiency: number | null;
  profitable_segments_pct: number;
}

export interface OverfittingSummary {
  trials: number;
  observations: number;
  selected_params: Record<string, unknown>;
  sharpe: number | null;
  skewness: number | null;
  kurtosis_value: number | null;
  psr: number | null;
  dsr: number | null;
  expected_max_sharpe: number | null;
  trial_sharpe_variance: number | null;
  min_track_record_length: number | null;
  pbo: number | null;
  prob_oos_loss: number | null;
  performance_degradation: { slope: number; intercept: number } | null;
  pbo_metric: "sharpe" | "mean_log_return";
  pbo_reason: string | null;
  partitions: number;
  combinations: number | null;
  ddof: number;
  sharpe_ddof: number;
  kurtosis: "non-excess";
}

export interface ValidationSummary {
  rng: { algorithm: string; seed: number };
  permutation?: PermutationSummary;
  block_bootstrap?: BlockBootstrapSummary;
  monte_carlo?: MonteCarloSummary;
  wfo?: WfoSummary;
  overfitting?: OverfittingSummary;
}
