/**
 * @module sweeps/plan/sweep-statistics
 * The honest best-of statistics of a sweep, over every trial actually run (in trial order):
 * - the best trial by the objective (ties: first in trial order, as walk-forward picks);
 * - its deflated Sharpe ratio with N = trials run and V = the variance (ddof 0) of their per-period Sharpes, and
 *   its PSR(0), from the best's in-sample bar returns (validation's formulas);
 * - PBO by CSCV over all trials' in-sample bar returns (from their block sums), with the metric that matches the
 *   objective (mean log return for total_return, Sharpe otherwise); null with a reason below 2 trials or 2S bars;
 * - how many trials beat buy-and-hold (total return above the in-sample buy-and-hold return);
 * - stability: the best cell's objective against the mean objective of its grid neighbours (the trials one step
 *   away in exactly one dimension); a ratio far below 1 flags an isolated peak.
 */
import type { Metrics } from "../../core/results.js";
import { finiteOrNull } from "../../validation/json-safe.js";
import { argmaxFirst } from "../../validation/objective.js";
import type { TrialBlockSums } from "../../validation/overfitting/cscv-blocks.js";
import {
  type PboResult,
  probabilityOfBacktestOverfittingFromSums,
} from "../../validation/overfitting/probability-of-backtest-overfitting.js";
import {
  deflatedSharpeRatio,
  TRIAL_SHARPE_VARIANCE_DDOF,
  trialSharpeVariance,
} from "../../validation/sharpe/deflated-sharpe-ratio.js";
import { expectedMaxSharpe } from "../../validation/sharpe/expected-max-sharpe.js";
import { kurtosis, skewness } from "../../validation/sharpe/moments.js";
import { probabilisticSharpeRatio } from "../../validation/sharpe/probabilistic-sharpe-ratio.js";

export interface RunTrial {
  readonly index: number;
  /** Value index per dimension (the trial's grid cell). */
  readonly cell: readonly number[];
  readonly objective: number;
  readonly sharpe: number;
  readonly metrics: Metrics;
  readonly blocks: TrialBlockSums;
}

export interface SweepStatistics {
  readonly trials_run: number;
  readonly best_index: number;
  readonly best_objective: number | null;
  readonly sharpe: number | null;
  readonly psr: number | null;
  readonly dsr: number | null;
  readonly expected_max_sharpe: number | null;
  readonly trial_sharpe_variance: number | null;
  readonly ddof: number;
  readonly pbo: number | null;
  readonly prob_oos_loss: number | null;
  readonly pbo_metric: "mean_log_return" | "sharpe";
  readonly pbo_reason: string | null;
  readonly partitions: number;
  readonly beat_buy_and_hold: number;
  readonly stability: {
    readonly neighbours: number;
    readonly neighbour_mean_objective: number | null;
    /** neighbour mean / best objective; null without neighbours or when either is not finite or best is 0. */
    readonly ratio: number | null;
  };
}

/** Position (in `trials`) of the best trial. */
export function bestTrial(trials: readonly RunTrial[]): number {
  return argmaxFirst(trials.map((t) => t.objective));
}

export interface SweepStatisticsOptions {
  readonly partitions: number;
  readonly byLogReturn: boolean;
  /** PBO over these trials computed elsewhere (on the sweep's threads) when pboReason gives null. */
  readonly pbo?: PboResult;
}

/** Why PBO cannot be computed for `trials` trials of `rows` bars in `partitions` blocks, or null when it can. */
export function pboReason(trials: number, rows: number, partitions: number): string | null {
  if (trials < 2) return `PBO needs at least 2 trials, got ${trials}`;
  if (rows < 2 * partitions)
    return `PBO needs at least 2 x ${partitions} = ${2 * partitions} bars, got ${rows}`;
  return null;
}

export function sweepStatistics(
  trials: readonly RunTrial[],
  bestReturns: Float64Array,
  options: SweepStatisticsOptions,
): SweepStatistics {
  const b = bestTrial(trials);
  const best = trials[b]!;
  const t = bestReturns.length;
  const sharpes = Float64Array.from(trials, (x) => x.sharpe);
  const skew = skewness(bestReturns);
  const kurt = kurtosis(bestReturns);
  const variance = trialSharpeVariance(sharpes);
  const s = options.partitions;
  const reason = pboReason(trials.length, t, s);
  const pbo =
    reason !== null
      ? undefined
      : (options.pbo ??
        probabilityOfBacktestOverfittingFromSums(
          trials.map((x) => x.blocks),
          { partitions: s, metric: options.byLogReturn ? "mean" : "sharpe", rows: t },
        ));
  let beat = 0;
  for (const x of trials) {
    const bh = x.metrics.buy_and_hold_return;
    if (bh !== null && x.metrics.total_return > bh) beat++;
  }
  return {
    trials_run: trials.length,
    best_index: best.index,
    best_objective: finiteOrNull(best.objective),
    sharpe: finiteOrNull(best.sharpe),
    psr: finiteOrNull(probabilisticSharpeRatio(best.sharpe, 0, t, skew, kurt)),
    dsr: finiteOrNull(deflatedSharpeRatio(best.sharpe, sharpes, t, skew, kurt)),
    expected_max_sharpe: finiteOrNull(expectedMaxSharpe(trials.length, variance)),
    trial_sharpe_variance: finiteOrNull(variance),
    ddof: TRIAL_SHARPE_VARIANCE_DDOF,
    pbo: pbo ? pbo.pbo : null,
    prob_oos_loss: pbo ? pbo.probOosLoss : null,
    pbo_metric: options.byLogReturn ? "mean_log_return" : "sharpe",
    pbo_reason: reason,
    partitions: s,
    beat_buy_and_hold: beat,
    stability: stability(trials, best),
  };
}

function stability(trials: readonly RunTrial[], best: RunTrial): SweepStatistics["stability"] {
  const byCell = new Map(trials.map((x) => [x.cell.join(","), x]));
  let sum = 0;
  let count = 0;
  for (let d = 0; d < best.cell.length; d++) {
    for (const step of [-1, 1]) {
      const cell = best.cell.slice();
      cell[d] = cell[d]! + step;
      const neighbour = byCell.get(cell.join(","));
      if (neighbour && Number.isFinite(neighbour.objective)) {
        sum += neighbour.objective;
        count++;
      }
    }
  }
  const mean = count > 0 ? sum / count : Number.NaN;
  const ratio = Number.isFinite(best.objective) && best.objective !== 0 ? mean / best.objective : Number.NaN;
  return { neighbours: count, neighbour_mean_objective: finiteOrNull(mean), ratio: finiteOrNull(ratio) };
}
