/**
 * @module metrics
 * The metrics room's public surface: computeMetrics for metrics.json, and the reusable pieces (returns, moments,
 * drawdowns, per-period Sharpe) that validation calls in loops. The search objective lives in
 * validation/objective.ts, the one definition walk-forward and sweeps share. Formulas: docs/metrics.md.
 */
export { avgTradeDurationBars } from "./avg-trade-duration-bars.js";
export { barReturns } from "./bar-returns.js";
export { barsPerYear, yearsSpanned } from "./bars-per-year.js";
export { bestTrade } from "./best-trade.js";
export { buyAndHoldReturn } from "./buy-and-hold-return.js";
export { cagr, MIN_CAGR_YEARS } from "./cagr.js";
export { calmar } from "./calmar.js";
export { computeMetrics, type MetricsInput } from "./compute-metrics.js";
export { type DrawdownStats, drawdownStats } from "./drawdown-stats.js";
export { type ExitsByReason, exitsByReason } from "./exits-by-reason.js";
export { expectancy } from "./expectancy.js";
export { exposurePct } from "./exposure-pct.js";
export { finiteOrNull } from "./finite-or-null.js";
export { payoffRatio } from "./payoff-ratio.js";
export { perPeriodSharpe } from "./per-period-sharpe.js";
export { profitFactor } from "./profit-factor.js";
export { hasDispersion, type ReturnStats, returnStats, ZERO_VARIANCE_RTOL } from "./return-stats.js";
export { sharpe } from "./sharpe.js";
export { sortino } from "./sortino.js";
export { sqn } from "./sqn.js";
export { totalReturn } from "./total-return.js";
export { turnover } from "./turnover.js";
export { volatility } from "./volatility.js";
export { winRate } from "./win-rate.js";
export { worstTrade } from "./worst-trade.js";
