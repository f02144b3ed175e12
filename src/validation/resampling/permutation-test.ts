/**
 * @module validation/resampling/permutation-test
 * The Monte Carlo permutation test of a fixed parameter set: the strategy is re-run on n permuted price
 * histories (Masters' OHLC permutation, first warm-up bars kept real) and its total return compared with the
 * real one. p = (1 + #{permuted >= real - tol}) / (n + 1): the real series counts as one member of the null, so
 * p is never 0, and ties, up to rounding (tol, see at-least-as-good.ts), count against the strategy. The params are not re-optimized per permutation, so this tests
 * the parameter set, not the search that found it (the overfitting section covers the search).
 * @see docs/validation.md (Permutation test); Masters (2020), "Permutation and Randomization Tests for Trading System Development".
 */
import type { Candles } from "../../core/candles.js";
import { StudioError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import { atLeastAsGood } from "../at-least-as-good.js";
import { histogram } from "../histogram.js";
import { finiteOrNull } from "../json-safe.js";
import { quantileSorted, sortedCopy } from "../quantile.js";
import { totalReturn } from "../returns.js";
import { mean } from "../sharpe/moments.js";
import { methodStream } from "../streams.js";
import type { PermutationSummary, Replayer, StrategyParams } from "../types.js";
import {
  copyCandles,
  createPermutationWork,
  type PermutationBase,
  type PermutationWork,
  permuteInto,
  preparePermutation,
} from "./permute-bars.js";

export interface PermutationJob {
  readonly n: number;
  readonly candles: Candles;
  readonly params: StrategyParams;
  readonly replayer: Replayer;
  readonly base: PermutationBase;
  readonly stream: Rng;
  /** Total return of the real run. */
  readonly observed: number;
}

/** One thread's buffers: a candle copy whose bars after the start index are overwritten, and index arrays. */
export interface PermutationScratch {
  readonly bars: Candles;
  readonly work: PermutationWork;
}

/**
 * start_index = the strategy's warm-up bars, so bars 0..start_index are real and its first decision on permuted
 * data sees a fully warmed-up indicator history. INSUFFICIENT_DATA unless at least 2 bars follow it.
 */
export function createPermutationJob(
  n: number,
  candles: Candles,
  params: StrategyParams,
  replayer: Replayer,
  realEquity: Float64Array,
  seed: number,
): PermutationJob {
  const bars = candles.close.length;
  const start = Math.max(0, Math.floor(replayer.warmupBars(params)));
  if (start > bars - 3) {
    throw new StudioError(
      "INSUFFICIENT_DATA",
      `permutation: ${bars} bars leave nothing to permute after ${start} warm-up bars`,
      { bars, warmup: start },
    );
  }
  return {
    n,
    candles,
    params,
    replayer,
    base: preparePermutation(candles, start),
    stream: methodStream(seed, "permutation"),
    observed: totalReturn(realEquity, replayer.initialCash),
  };
}

export function createPermutationScratch(job: PermutationJob): PermutationScratch {
  return { bars: copyCandles(job.candles), work: createPermutationWork(job.base) };
}

/** Replication i: total return of the strategy on the series permuted by stream [seed, permutation, i]. */
export function permutationReplicate(i: number, job: PermutationJob, scratch: PermutationScratch): number {
  permuteInto(job.base, job.stream.derive(i), scratch.bars, scratch.work);
  const { equity } = job.replayer.run(scratch.bars, job.params, 0);
  return totalReturn(equity, job.replayer.initialCash);
}

export function summarizePermutation(job: PermutationJob, stats: Float64Array): PermutationSummary {
  let atLeast = 0;
  for (let i = 0; i < stats.length; i++) if (atLeastAsGood(stats[i]!, job.observed)) atLeast++;
  const sorted = sortedCopy(stats);
  return {
    n: job.n,
    p_value: (1 + atLeast) / (stats.length + 1),
    mean_return: finiteOrNull(mean(stats)),
    distribution_summary: {
      p5: finiteOrNull(quantileSorted(sorted, 0.05)),
      p50: finiteOrNull(quantileSorted(sorted, 0.5)),
      p95: finiteOrNull(quantileSorted(sorted, 0.95)),
    },
    observed_return: finiteOrNull(job.observed),
    start_index: job.base.startIndex,
    statistic: "total_return",
    count_at_least_observed: atLeast,
    histogram: histogram(stats),
  };
}
