/**
 * @module core/results
 * The shapes a backtest produces, as struct-of-arrays. These are the contract between the engine, metrics,
 * validation and the artifact writers; every series has one entry per bar and every record set one entry per
 * fill or round trip.
 */

/**
 * Why a fill happened, by code: 0 a change of target (at the open), then the four exits. A fill's code indexes
 * EXIT_REASONS, whose names are what `trades.parquet` and the metrics show.
 */
export const EXIT_REASONS = ["signal", "stop_loss", "take_profit", "trailing_stop", "time_exit"] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export const REASON_SIGNAL = 0;
export const REASON_STOP_LOSS = 1;
export const REASON_TAKE_PROFIT = 2;
export const REASON_TRAILING_STOP = 3;
export const REASON_TIME_EXIT = 4;

/** One row per fill (`trades.parquet`). Quantities are positive; `side` says the direction. */
export interface Fills {
  readonly length: number;
  /** Index of the bar the fill happened in: at its open, or inside it for a stop or target. */
  readonly barIndex: Int32Array;
  readonly ts: Float64Array;
  /** +1 buy, -1 sell. */
  readonly side: Int8Array;
  readonly qty: Float64Array;
  /** Fill price after slippage. */
  readonly price: Float64Array;
  /** Commission of this fill (per-share plus bps), in currency. */
  readonly fee: Float64Array;
  /** Cost of slippage of this fill: |fill price - reference| x qty, in currency (already inside `price`); the
   * reference is the open, or the stop level for a stop filled inside the bar. */
  readonly slippage: Float64Array;
  /** Gross price P&L of the quantity this fill closes: (price - average entry) x closed qty x direction. */
  readonly pnlRealized: Float64Array;
  /** Borrow accrued on the short quantity this fill closes, since it was opened. */
  readonly borrowCost: Float64Array;
  /** Why the fill happened: an index into EXIT_REASONS (0 = signal). */
  readonly reason: Int8Array;
}

/** One row per bar (`portfolio.parquet`), marked at the close. */
export interface PortfolioBars {
  readonly ts: Float64Array;
  /** Signed position after the bar's fill: > 0 long, < 0 short. */
  readonly positionQty: Float64Array;
  /** The close the position is marked at. */
  readonly priceRef: Float64Array;
  /** positionQty x priceRef. */
  readonly marketValue: Float64Array;
  readonly cash: Float64Array;
  /** cash + marketValue. */
  readonly equity: Float64Array;
  /** Cumulative commissions (borrow and slippage are not fees). */
  readonly feesCum: Float64Array;
  /** (priceRef - average entry) x positionQty. */
  readonly pnlUnrealized: Float64Array;
}

/** Closed round trips derived from fills: entry to exit of a position; a reversal ends one and starts another. */
export interface RoundTrips {
  readonly length: number;
  /** +1 long, -1 short. */
  readonly direction: Int8Array;
  readonly entryBar: Int32Array;
  readonly exitBar: Int32Array;
  readonly entryTs: Float64Array;
  readonly exitTs: Float64Array;
  /** Largest absolute quantity held during the trip. */
  readonly qty: Float64Array;
  /** Quantity-weighted average entry and exit fill prices. */
  readonly entryPrice: Float64Array;
  readonly exitPrice: Float64Array;
  /** Net P&L: gross price P&L minus every fee of the trip's fills minus borrow. */
  readonly pnl: Float64Array;
  /** Net P&L divided by equity just before the entry fill: the trip's return on equity (compounds). */
  readonly returnPct: Float64Array;
  readonly fees: Float64Array;
  readonly borrow: Float64Array;
  /** Reason of the fill that closed the trip: an index into EXIT_REASONS. */
  readonly exitReason: Int8Array;
}

/** metrics.json: the documented fields (docs/metrics.md). `null` = undefined for this run (never NaN/Infinity). */
export interface Metrics {
  total_return: number;
  cagr: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  max_drawdown: number;
  avg_drawdown: number;
  max_drawdown_duration_bars: number;
  trade_count: number;
  win_rate: number | null;
  payoff_ratio: number | null;
  turnover: number | null;
  exposure_pct: number;
  start_ts: number;
  end_ts: number;
  calmar: number | null;
  profit_factor: number | null;
  expectancy: number | null;
  sqn: number | null;
  best_trade: number | null;
  worst_trade: number | null;
  avg_trade_duration_bars: number | null;
  buy_and_hold_return: number | null;
  fill_count: number;
  /** Runs with an `exits` block only: closed round trips per exit reason, every reason present (0 when none). */
  exits_by_reason?: Record<ExitReason, number>;
  /** Runs with an `exits` block only: mean returnPct of the trips closed for each reason; null with no trip. */
  avg_return_by_exit_reason?: Record<ExitReason, number | null>;
}
