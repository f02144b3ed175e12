/**
 * @module validation/overfitting/overfitting
 * Selection-bias statistics of a grid search, reported whenever the grid has >= 2 trials so the number of trials
 * is never hidden. Every trial runs once over the full series (trading from bar 0; flat warm-up bars count as
 * zero returns); the selected trial is the best by the walk-forward objective (ties: first in grid order).
 * - PSR(0), DSR and MinTRL (alpha 0.05, benchmark 0) of the selected trial: per-period Sharpe (ddof 1),
 *   population skewness and non-excess kurtosis of its T bar returns, N = every trial, V = variance of the trials'
 *   per-period Sharpes with ddof 0.
 * - PBO by CSCV with S = pbo_partitions over the T x N matrix of bar returns, with the metric that matches the
 *   objective: mean log return for total_return (ranks exactly like compounded return), Sharpe otherwise.
 *   Null with a reason when T < 2S.
 */
import type { WfoConfig } from "../../core/run-config.js";
import { finiteOrNull } from "../json-safe.js";
import { argmaxFirst, objectiveValue, sharpeRatio } from "../objective.js";
import type { ValidationProgress } from "../progress.js";
import { barReturns } from "../returns.js";
import {
  deflatedSharpeRatio,
  TRIAL_SHARPE_VARIANCE_DDOF,
  trialSharpeVariance,
} from "../sharpe/deflated-sharpe-ratio.js";
import { expectedMaxSharpe } from "../sharpe/expected-max-sharpe.js";
import { minTrackRecordLength } from "../sharpe/min-track-record-length.js";
import { kurtosis, skewness } from "../sharpe/moments.js";
import { probabilisticSharpeRatio } from "../sharpe/probabilistic-sharpe-ratio.js";
import type { OverfittingSummary, ValidationContext } from "../types.js";
import { contextTrials } from "../walk-forward/param-grid.js";
import { binomial } from "./combinations.js";
import { probabilityOfBacktestOverfitting } from "./probability-of-backtest-overfitting.js";

export const MIN_TRL_ALPHA = 0.05;

export function runOverfitting(
  wfo: WfoConfig,
  ctx: ValidationContext,
  progress: ValidationProgress,
): OverfittingSummary {
  const { candles, replayer } = ctx;
  const t = candles.close.length;
  const trials = contextTrials(wfo.grid, ctx);
  const columns: Float64Array[] = [];
  const objectives = new Float64Array(trials.length);
  const sharpes = new Float64Array(trials.length);
  for (let j = 0; j < trials.length; j++) {
    progress.checkCancel();
    const { equity } = replayer.run(candles, trials[j]!.params, 0);
    const r = barReturns(equity, 0, t, replayer.initialCash);
    columns.push(r);
    objectives[j] = objectiveValue(wfo.objective, r, replayer.barsPerYear);
    sharpes[j] = sharpeRatio(r);
    progress.advance(1);
  }
  const selected = argmaxFirst(objectives);
  const r = columns[selected]!;
  const sr = sharpes[selected]!;
  const skew = skewness(r);
  const kurt = kurtosis(r);
  const variance = trialSharpeVariance(sharpes);
  const s = wfo.pbo_partitions;
  const byLogReturn = wfo.objective === "total_return";
  let pbo: ReturnType<typeof probabilityOfBacktestOverfitting> | undefined;
  if (t >= 2 * s) {
    const matrix = byLogReturn ? columns.map((c) => c.map(Math.log1p)) : columns;
    pbo = probabilityOfBacktestOverfitting(matrix, {
      partitions: s,
      metric: byLogReturn ? "mean" : "sharpe",
    });
  }
  return {
    trials: trials.length,
    observations: t,
    selected_params: trials[selected]!.combo,
    sharpe: finiteOrNull(sr),
    skewness: finiteOrNull(skew),
    kurtosis_value: finiteOrNull(kurt),
    psr: finiteOrNull(probabilisticSharpeRatio(sr, 0, t, skew, kurt)),
    dsr: finiteOrNull(deflatedSharpeRatio(sr, sharpes, t, skew, kurt)),
    expected_max_sharpe: finiteOrNull(expectedMaxSharpe(trials.length, variance)),
    trial_sharpe_variance: finiteOrNull(variance),
    min_track_record_length: finiteOrNull(minTrackRecordLength(sr, 0, skew, kurt, MIN_TRL_ALPHA)),
    pbo: pbo ? pbo.pbo : null,
    prob_oos_loss: pbo ? pbo.probOosLoss : null,
    performance_degradation: pbo ? pbo.performanceDegradation : null,
    pbo_metric: byLogReturn ? "mean_log_return" : "sharpe",
    pbo_reason: pbo ? null : `PBO needs at least 2 x ${s} = ${2 * s} bars, got ${t}`,
    partitions: s,
    combinations: pbo ? binomial(s, s / 2) : null,
    ddof: TRIAL_SHARPE_VARIANCE_DDOF,
    sharpe_ddof: 1,
    kurtosis: "non-excess",
  };
}
