/**
 * @module engine/run-plan
 * The one function that runs a plan: features (shifted +1 bar) -> the strategy's targets -> the simulation ->
 * metrics. The run pipeline, the library's `runBacktest` and every validation replication call it, so they
 * cannot differ. A replication asks for the cheap scope (`scope: "replay"`): only the strategy's own inputs are
 * computed and metrics are skipped; everything else is the same code. The plugins' output is checked on the way
 * (cheap O(n) scans): indicator outputs present and of the series' length, every target finite; a user plugin
 * that fails is PLUGIN_FAILED naming it and the first bad bar.
 */
import { assertCandleShape, type Candles, sliceCandles } from "../core/candles.js";
import { callPlugin, pluginFailure } from "../core/catalog/plugin-failure.js";
import { type ColumnWorkspace, float64Column } from "../core/column-workspace.js";
import { quote, StudioError } from "../core/errors.js";
import type { Fills, Metrics, PortfolioBars, RoundTrips } from "../core/results.js";
import { computeFeatures } from "../indicators/features/compute-features.js";
import { type FeatureSet, featureSetFromColumns } from "../indicators/features/feature-set.js";
import { computeMetrics } from "../metrics/compute-metrics.js";
import { defineLazy } from "./define-lazy.js";
import type { BacktestPlan } from "./plan-backtest.js";
import { exitOptions } from "./plan-exits.js";
import { assertVolumeAvailable } from "./require-volume.js";
import { simulate } from "./simulation/simulate.js";

export interface RunPlanInputs {
  readonly candles: Candles;
  /** Precomputed features holding at least the plan's columns (e.g. from the feature cache). */
  readonly features?: FeatureSet;
  /** First bar that may trade (walk-forward segments); earlier bars stay flat. Counted after the warm-up. */
  readonly startIndex?: number;
  /**
   * Leading bars of `candles` that are history before the run's start: features and the strategy's targets are
   * computed over them, then every result (features, targets, fills, equity, trades, metrics) starts after them.
   */
  readonly warmup?: number;
  /** `"full"` (default): every feature of the plan, and metrics. `"replay"`: the strategy's inputs only, no metrics. */
  readonly scope?: "full" | "replay";
  /** Called around the plan's steps, e.g. for the pipeline's stage events, timings and cancellation checks. */
  readonly onStep?: (step: PlanStep, phase: "enter" | "leave") => void;
  /**
   * Pooled buffers for a loop of runs (replications, trials): the features, the targets, equity, fills and round
   * trips are taken from it, so the result's columns are valid only until the owner's next `reset()` (see
   * core/column-workspace; metrics are plain numbers and stay valid). The owner resets it before each run.
   * Without one every column is allocated fresh, for results that outlive the call.
   */
  readonly workspace?: ColumnWorkspace;
}

/** Steps of a plan after its features: targets + simulation, then metrics. */
export type PlanStep = "simulation" | "metrics";

export interface ReplayResult {
  readonly features: FeatureSet;
  /** The strategy's target per bar. */
  readonly signal: Float64Array;
  readonly fills: Fills;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
  readonly portfolio: PortfolioBars;
  readonly trades: RoundTrips;
  /** The strategy's and the simulation's warnings, in that order. */
  readonly warnings: string[];
}

export interface BacktestResult extends ReplayResult {
  readonly metrics: Metrics;
}

export function runPlan(
  plan: BacktestPlan,
  inputs: RunPlanInputs & { readonly scope: "replay" },
): ReplayResult;
export function runPlan(plan: BacktestPlan, inputs: RunPlanInputs): BacktestResult;
export function runPlan(plan: BacktestPlan, inputs: RunPlanInputs): ReplayResult | BacktestResult {
  const { candles: all, onStep } = inputs;
  const replay = inputs.scope === "replay";
  assertCandleShape(all);
  assertEnoughBars(plan, all.ts.length);
  const warmup = inputs.warmup ?? 0;
  if (!(Number.isInteger(warmup) && warmup >= 0 && warmup < all.ts.length)) {
    throw new StudioError("INTERNAL", `runPlan: warm-up ${warmup} outside 0..${all.ts.length - 1}`);
  }
  const workspace = inputs.workspace;
  const allFeatures =
    inputs.features ?? computeFeatures(replay ? plan.strategyIndicators : plan.indicators, all, workspace);
  assertVolumeAvailable(all, plan.indicators, allFeatures);

  onStep?.("simulation", "enter");
  const allSignal = float64Column(all.ts.length, workspace);
  const report = strategySignal(plan, allFeatures, allSignal, all.ts);
  // The warm-up bars only gave the features (and any state the strategy keeps) their history.
  const candles = warmup === 0 ? all : sliceCandles(all, warmup, all.ts.length);
  const signal = allSignal.subarray(warmup);
  const features = warmup === 0 ? allFeatures : sliceFeatures(allFeatures, warmup);
  const sim = simulate(candles, signal, {
    initialCash: plan.config.initial_cash,
    execution: plan.config.execution,
    risk: plan.risk,
    intervalMs: plan.intervalMs,
    ...(inputs.startIndex === undefined ? {} : { startIndex: inputs.startIndex }),
    ...exitOptions(plan.exits, features.frame),
    workspace,
  });
  const warnings = [...(report?.warnings ?? []), ...sim.warnings];
  onStep?.("simulation", "leave");

  const result = {
    features,
    signal,
    fills: sim.fills,
    equity: sim.portfolio.equity,
    portfolio: sim.portfolio,
    trades: sim.trades,
    warnings,
  };
  // The drawdown column is computed by the engine on first read; metrics derive drawdowns from equity
  // themselves, so a caller that never reads it (a validation loop) never pays for it.
  const lazy = { drawdown: () => sim.drawdown };
  if (replay) return defineLazy(result, lazy);
  onStep?.("metrics", "enter");
  const metrics = computeMetrics({
    candles,
    portfolio: sim.portfolio,
    fills: sim.fills,
    trades: sim.trades,
    initialCash: plan.config.initial_cash,
    exitReasons: plan.exits !== undefined,
    exposedBars: sim.exposedBars,
  });
  onStep?.("metrics", "leave");
  return defineLazy({ ...result, metrics }, lazy);
}

/** The feature set without its first `from` bars (views, no copies). */
function sliceFeatures(features: FeatureSet, from: number): FeatureSet {
  const columns = features.columns.map((c) => ({
    ...c,
    raw: c.raw.subarray(from),
    shifted: c.shifted.subarray(from),
  }));
  return featureSetFromColumns(columns, features.frame.length - from);
}

/** INSUFFICIENT_DATA unless the series is longer than the strategy's warm-up plus the bar it first trades on. */
export function assertEnoughBars(plan: BacktestPlan, bars: number): void {
  if (bars <= plan.warmup + 1) {
    throw new StudioError(
      "INSUFFICIENT_DATA",
      `the range has ${bars} ${plan.config.timeframe} bars; ${plan.strategy.def.name} needs more than ${plan.warmup + 1} (its warm-up) to trade`,
      { bars, warmup: plan.warmup },
    );
  }
}

/**
 * The strategy's targets into `out`, from its inputs' shifted columns. `out` starts as NaN, so a bar the strategy
 * does not write fails the finiteness check instead of silently reading as flat.
 */
function strategySignal(
  plan: BacktestPlan,
  features: FeatureSet,
  out: Float64Array,
  ts: Float64Array,
): { readonly warnings?: readonly string[] } | undefined {
  const { def, origin, params } = plan.strategy;
  const what = `strategy ${quote(def.name)}`;
  const inputs = inputColumns(plan, features);
  out.fill(Number.NaN);
  const report = callPlugin(origin, what, () => def.signal(inputs, params, out));
  const bad = firstNonFinite(out);
  if (bad >= 0) {
    const value = out[bad]!;
    const hint = Number.isNaN(value) ? " (NaN: written as NaN, or not written at all)" : "";
    throw pluginFailure(
      origin,
      what,
      `wrote a non-finite target ${value} at bar ${bad} (${new Date(ts[bad]!).toISOString()})${hint}; every target must be a finite number`,
      { bar: bad, ts: ts[bad], value: String(value) },
    );
  }
  return report ?? undefined;
}

/** The strategy's inputs as it receives them: each key's shifted feature column. */
export function inputColumns(plan: BacktestPlan, features: FeatureSet): Record<string, Float64Array> {
  // No prototype: a key is only ever an input (a strategy may name one "constructor" or "__proto__").
  const inputs: Record<string, Float64Array> = Object.create(null);
  for (const input of plan.inputs) inputs[input.key] = features.frame.column(input.column);
  return inputs;
}

/** Index of the first NaN or infinite value, or -1. */
function firstNonFinite(values: Float64Array): number {
  const n = values.length;
  let t = 0;
  // v - v is NaN exactly when v is NaN or infinite, and a sum holding a NaN is NaN: four values per test, one
  // branch per four (half the time of one test per value); the block that fails is then scanned value by value.
  for (; t + 4 <= n; t += 4) {
    const a = values[t]!;
    const b = values[t + 1]!;
    const c = values[t + 2]!;
    const d = values[t + 3]!;
    if (a - a + (b - b) + (c - c) + (d - d) !== 0) break;
  }
  for (; t < n; t++) {
    const v = values[t]!;
    if (v - v !== 0) return t;
  }
  return -1;
}
