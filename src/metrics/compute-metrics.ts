/**
 * @module metrics/compute-metrics
 * metrics.json for one run, assembled from the one-function-per-metric modules beside this file. Every metric is
 * a single pass over typed arrays (returns are never materialized), so a million bars cost a few milliseconds.
 * The formulas and edge cases are written out in docs/metrics.md; undefined values are null, never NaN.
 */
import type { Candles } from "../core/candles.js";
import { StudioError } from "../core/errors.js";
import type { Fills, Metrics, PortfolioBars, RoundTrips } from "../core/results.js";
import { barsPerYear, yearsSpanned } from "./bars-per-year.js";
import { buyAndHoldReturn } from "./buy-and-hold-return.js";
import { exposurePct, exposurePctOfCount } from "./exposure-pct.js";
import { cagr } from "./returns/cagr.js";
import { calmar } from "./returns/calmar.js";
import { drawdownStats } from "./returns/drawdown-stats.js";
import { returnStats } from "./returns/return-stats.js";
import { sharpe } from "./returns/sharpe.js";
import { sortino } from "./returns/sortino.js";
import { volatility } from "./returns/volatility.js";
import { totalReturn } from "./total-return.js";
import { avgTradeDurationBars } from "./trades/avg-trade-duration-bars.js";
import { bestTrade } from "./trades/best-trade.js";
import { exitsByReason } from "./trades/exits-by-reason.js";
import { expectancy } from "./trades/expectancy.js";
import { payoffRatio } from "./trades/payoff-ratio.js";
import { profitFactor } from "./trades/profit-factor.js";
import { sqn } from "./trades/sqn.js";
import { turnoverOfEquitySum } from "./trades/turnover.js";
import { winRate } from "./trades/win-rate.js";
import { worstTrade } from "./trades/worst-trade.js";

export interface MetricsInput {
  readonly candles: Candles;
  readonly portfolio: PortfolioBars;
  readonly fills: Fills;
  readonly trades: RoundTrips;
  /** Cash before the first bar: the base of the first bar return and of the total return. */
  readonly initialCash: number;
  /** Adds `exits_by_reason` and `avg_return_by_exit_reason` (runs with an `exits` block); metrics.json of a run
   * without exits keeps exactly the fields it always had. */
  readonly exitReasons?: boolean;
  /** Bars holding a non-zero position, when the caller has counted them (the engine does, from its fills:
   * `SimulationResult.exposedBars`); else they are counted from `portfolio.positionQty`, which the engine derives
   * only on first access. */
  readonly exposedBars?: number;
}

/**
 * Every metrics.json field of one run. The time axis is `portfolio.ts` (one entry per bar, equal to the candles').
 * Throws INSUFFICIENT_DATA with no bars, CONFIG_INVALID when `initialCash` is not a positive number, and INTERNAL
 * when the columns disagree in length or the equity is not finite (an engine bug, not a user error).
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { candles, portfolio, initialCash } = input;
  const equity = portfolio.equity;
  const ts = portfolio.ts;
  const n = equity.length;
  if (n === 0) throw new StudioError("INSUFFICIENT_DATA", "metrics: the run has no bars");
  if (!(initialCash > 0) || !Number.isFinite(initialCash)) {
    throw new StudioError("CONFIG_INVALID", `metrics: initial cash must be positive, got ${initialCash}`);
  }
  // Without a count the position column is read (and, for an engine result, derived); with one it is not touched.
  const positions = input.exposedBars === undefined ? portfolio.positionQty.length : n;
  if (ts.length !== n || positions !== n || candles.close.length !== n) {
    throw new StudioError(
      "INTERNAL",
      `metrics: ${n} equity values but ${ts.length} timestamps, ${positions} positions, ` +
        `${candles.close.length} candles`,
    );
  }
  // Record sets may be views of larger buffers; only the first `length` rows are real.
  const fills = input.fills;
  const trades = input.trades;
  const pnl = trades.pnl.subarray(0, trades.length);
  const tradeReturns = trades.returnPct.subarray(0, trades.length);

  const total = totalReturn(equity, initialCash);
  if (!Number.isFinite(total)) {
    throw new StudioError("INTERNAL", `metrics: final equity ${equity[n - 1]} is not finite`);
  }
  const years = yearsSpanned(ts);
  const bpy = barsPerYear(ts);
  const stats = returnStats(equity, initialCash);
  // A NaN equity poisons the mean return; only then is the curve scanned to tell it from a legitimate 0/0.
  if (Number.isNaN(stats.mean) && equity.some((e) => !Number.isFinite(e))) {
    throw new StudioError("INTERNAL", "metrics: the equity curve holds a non-finite value");
  }
  const dd = drawdownStats(equity);
  const growth = cagr(total, years);

  const metrics: Metrics = {
    total_return: total,
    cagr: growth,
    volatility: volatility(stats, bpy),
    sharpe: sharpe(stats, bpy),
    sortino: sortino(stats, bpy),
    max_drawdown: dd.maxDrawdown,
    avg_drawdown: dd.avgDrawdown,
    max_drawdown_duration_bars: dd.maxDurationBars,
    trade_count: trades.length,
    win_rate: winRate(pnl),
    payoff_ratio: payoffRatio(pnl),
    turnover: turnoverOfEquitySum(
      fills.qty.subarray(0, fills.length),
      fills.price.subarray(0, fills.length),
      stats.equitySum,
      n,
    ),
    exposure_pct:
      input.exposedBars === undefined
        ? exposurePct(portfolio.positionQty)
        : exposurePctOfCount(input.exposedBars, n),
    start_ts: ts[0]!,
    end_ts: ts[n - 1]!,
    calmar: calmar(growth, dd.maxDrawdown),
    profit_factor: profitFactor(pnl),
    expectancy: expectancy(tradeReturns),
    sqn: sqn(pnl),
    best_trade: bestTrade(tradeReturns),
    worst_trade: worstTrade(tradeReturns),
    avg_trade_duration_bars: avgTradeDurationBars(
      trades.entryBar.subarray(0, trades.length),
      trades.exitBar.subarray(0, trades.length),
    ),
    buy_and_hold_return: buyAndHoldReturn(candles.open, candles.close),
    fill_count: fills.length,
  };
  if (input.exitReasons) {
    const exits = exitsByReason(trades.exitReason.subarray(0, trades.length), tradeReturns);
    metrics.exits_by_reason = exits.counts;
    metrics.avg_return_by_exit_reason = exits.avgReturn;
  }
  return metrics;
}
