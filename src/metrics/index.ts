/**
 * @module metrics
 * The metrics room's public surface: computeMetrics for metrics.json, and the reusable pieces (returns, moments,
 * drawdowns, per-period Sharpe) that validation calls in loops. The search objective lives in
 * validation/objective.ts, the one definition walk-forward and sweeps share. Formulas: docs/metrics.md.
 */

export { barsPerYear, yearsSpanned } from "./bars-per-year.js";
export { buyAndHoldReturn } from "./buy-and-hold-return.js";
export { computeMetrics, type MetricsInput } from "./compute-metrics.js";
export { exposurePct } from "./exposure-pct.js";
export { finiteOrNull } from "./finite-or-null.js";
export { barReturns } from "./returns/bar-returns.js";
export { cagr, MIN_CAGR_YEARS } from "./returns/cagr.js";
export { calmar } from "./returns/calmar.js";
export { type DrawdownStats, drawdownStats } from "./returns/drawdown-stats.js";
export { perPeriodSharpe } from "./returns/per-period-sharpe.js";
export { hasDispersion, type ReturnStats, returnStats, ZERO_VARIANCE_RTOL } from "./returns/return-stats.js";
export { sharpe } from "./returns/sharpe.js";
export { sortino } from "./returns/sortino.js";
export { volatility } from "./returns/volatility.js";
export { totalReturn } from "./total-return.js";
export { avgTradeDurationBars } from "./trades/avg-trade-duration-bars.js";
export { bestTrade } from "./trades/best-trade.js";
export { type ExitsByReason, exitsByReason } from "./trades/exits-by-reason.js";
export { expectancy } from "./trades/expectancy.js";
export { payoffRatio } from "./trades/payoff-ratio.js";
export { profitFactor } from "./trades/profit-factor.js";
export { sqn } from "./trades/sqn.js";
export { turnover } from "./trades/turnover.js";
export { winRate } from "./trades/win-rate.js";
export { worstTrade } from "./trades/worst-trade.js";
