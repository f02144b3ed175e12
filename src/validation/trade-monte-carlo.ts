/**
 * @module validation/trade-monte-carlo
 * Monte Carlo on closed trades: m trades drawn uniformly *with replacement* from the real round trips and
 * compounded from the initial equity, n times. Unlike reshuffling (which leaves final equity unchanged), this
 * gives a spread of final equity as well as of drawdowns: a rough prediction band for the next m trades.
 * Max drawdown per path = max_j (peak_j - E_j) / peak_j with the peak including E0 (a positive fraction). Trade
 * MC ignores time and open-trade swings, so its drawdowns are a lower bound of what bar data would show.
 * @see docs/validation.md (Monte Carlo on trades); Masters (2006), "Monte-Carlo Evaluation of Trading Systems".
 */
import type { Rng } from "../core/rng.js";
import { atLeastAsGood } from "./at-least-as-good.js";
import { finiteOrNull } from "./json-safe.js";
import { quantileSorted, sortedCopy } from "./quantile.js";
import { methodStream } from "./streams.js";
import type { MonteCarloSummary } from "./types.js";
import { type UniformSource, uniformSource } from "./uniform.js";

export interface MonteCarloJob {
  readonly n: number;
  /** Round-trip returns on equity (0.02 = +2%), compounded. */
  readonly tradeReturns: Float64Array;
  readonly initialEquity: number;
  readonly stream: Rng;
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
  return { n, tradeReturns, initialEquity, stream: methodStream(seed, "monte_carlo") };
}

/** Draws m = trades indices with `src.int(m)`, in order, compounding as it goes. */
export function simulateTradePath(job: MonteCarloJob, src: UniformSource, out: TradePathOutcome): void {
  const r = job.tradeReturns;
  const m = r.length;
  let equity = job.initialEquity;
  let peak = equity;
  let mdd = 0;
  for (let j = 0; j < m; j++) {
    equity *= 1 + r[src.int(m)]!;
    if (equity > peak) peak = equity;
    else if ((peak - equity) / peak > mdd) mdd = (peak - equity) / peak;
  }
  out.finalEquity = equity;
  out.maxDrawdown = mdd;
}

/** Replication i: the path drawn from stream [seed, monte_carlo, i]. */
export function monteCarloReplicate(i: number, job: MonteCarloJob, out: TradePathOutcome): void {
  simulateTradePath(job, uniformSource(job.stream.derive(i)), out);
}

/** Percentiles (type 7) of final equity and max drawdown, P(final < E0 - tol). Null statistics when there are no trades. */
export function summarizeMonteCarlo(
  job: MonteCarloJob,
  finalEquity: Float64Array,
  maxDrawdown: Float64Array,
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
  };
}
