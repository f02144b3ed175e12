/**
 * @module validation/resampling/trade-monte-carlo
 * Monte Carlo on closed trades: m trades drawn uniformly *with replacement* from the real round trips and
 * compounded from the initial equity, n times. Unlike reshuffling (which leaves final equity unchanged), this
 * gives a spread of final equity as well as of drawdowns: a rough prediction band for the next m trades.
 * Max drawdown per path = max_j (peak_j - E_j) / peak_j with the peak including E0 (a positive fraction). Trade
 * MC ignores time and open-trade swings, so its drawdowns are a lower bound of what bar data would show. Each path
 * also records its equity at the fan's checkpoints (see equity-fan), read off the same draws.
 * @see docs/validation.md (Monte Carlo on trades); Masters (2006), "Monte-Carlo Evaluation of Trading Systems".
 */
import type { Rng } from "../../core/rng.js";
import { atLeastAsGood } from "../at-least-as-good.js";
import { finiteOrNull } from "../json-safe.js";
import { quantileSorted, sortedCopy } from "../quantile.js";
import { methodStream } from "../streams.js";
import type { MonteCarloSummary } from "../types.js";
import { fanCheckpoints, summarizeFan } from "./equity-fan.js";
import { type UniformSource, uniformSource } from "./uniform.js";

export interface MonteCarloJob {
  readonly n: number;
  /** Round-trip returns on equity (0.02 = +2%), compounded. */
  readonly tradeReturns: Float64Array;
  readonly initialEquity: number;
  readonly stream: Rng;
  /** Trade counts after which a path's equity is recorded for the fan (fanCheckpoints(m)). */
  readonly checkpoints: Int32Array;
}

/** One simulated path's outcome; reused between replications. */
export interface TradePathOutcome {
  finalEquity: number;
  maxDrawdown: number;
}

export function createMonteCarloJob(
  n: number,
  tradeReturns: Float64Array,
  initialEquity: number,
  seed: number,
): MonteCarloJob {
  return {
    n,
    tradeReturns,
    initialEquity,
    stream: methodStream(seed, "monte_carlo"),
    checkpoints: fanCheckpoints(tradeReturns.length),
  };
}

/**
 * Draws m = trades indices with `src.int(m)`, in order, compounding as it goes; with `fan`, writes the equity after
 * `job.checkpoints[c]` trades to fan[at + c].
 */
export function simulateTradePath(
  job: MonteCarloJob,
  src: UniformSource,
  out: TradePathOutcome,
  fan?: Float64Array,
  at = 0,
): void {
  const r = job.tradeReturns;
  const m = r.length;
  const cps = job.checkpoints;
  let equity = job.initialEquity;
  let peak = equity;
  let mdd = 0;
  let c = 0;
  let next = cps.length > 0 ? cps[0]! : -1;
  for (let j = 0; j < m; j++) {
    equity *= 1 + r[src.int(m)]!;
    if (equity > peak) peak = equity;
    else if ((peak - equity) / peak > mdd) mdd = (peak - equity) / peak;
    if (j + 1 === next) {
      if (fan) fan[at + c] = equity;
      next = ++c < cps.length ? cps[c]! : -1;
    }
  }
  out.finalEquity = equity;
  out.maxDrawdown = mdd;
}

/** Replication i: the path drawn from stream [seed, monte_carlo, i]; its fan equities go to fan[at..at + K). */
export function monteCarloReplicate(
  i: number,
  job: MonteCarloJob,
  out: TradePathOutcome,
  fan?: Float64Array,
  at = 0,
): void {
  simulateTradePath(job, uniformSource(job.stream.derive(i)), out, fan, at);
}

/**
 * Percentiles (type 7) of final equity and max drawdown, P(final < E0 - tol), and the equity fan from `fan` (the
 * paths' checkpoint equities, path i at [i K, (i+1) K)). Null statistics when there are no trades.
 */
export function summarizeMonteCarlo(
  job: MonteCarloJob,
  finalEquity: Float64Array,
  maxDrawdown: Float64Array,
  fan: Float64Array,
): MonteCarloSummary {
  const base = { n: job.n, trades: job.tradeReturns.length, initial_equity: job.initialEquity };
  if (job.tradeReturns.length === 0 || finalEquity.length === 0) {
    return {
      ...base,
      equity_p5: null,
      equity_p50: null,
      equity_p95: null,
      max_drawdown_p50: null,
      max_drawdown_p95: null,
      prob_loss: null,
      fan: null,
    };
  }
  const eq = sortedCopy(finalEquity);
  const dd = sortedCopy(maxDrawdown);
  let losses = 0;
  for (let i = 0; i < finalEquity.length; i++)
    if (!atLeastAsGood(finalEquity[i]!, job.initialEquity)) losses++;
  return {
    ...base,
    equity_p5: finiteOrNull(quantileSorted(eq, 0.05)),
    equity_p50: finiteOrNull(quantileSorted(eq, 0.5)),
    equity_p95: finiteOrNull(quantileSorted(eq, 0.95)),
    max_drawdown_p50: finiteOrNull(quantileSorted(dd, 0.5)),
    max_drawdown_p95: finiteOrNull(quantileSorted(dd, 0.95)),
    prob_loss: losses / finalEquity.length,
    fan: summarizeFan(job.initialEquity, job.checkpoints, fan),
  };
}
