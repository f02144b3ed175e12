import { describe, expect, it } from "vitest";
import type { Candles } from "../core/candles.js";
import { runBacktest } from "./run-backtest.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const close = [100, 98, 99, 101, 100, 97, 99, 100];
const open = [100, 99, 98.5, 100, 101.5, 99, 97.5, 99.5];
const candles: Candles = {
  ts: Float64Array.from(close, (_, i) => T0 + i * DAY),
  open: Float64Array.from(open),
  high: Float64Array.from(close, (c, i) => Math.max(c, open[i]!) + 0.5),
  low: Float64Array.from(close, (c, i) => Math.min(c, open[i]!) - 0.5),
  close: Float64Array.from(close),
  volume: new Float64Array(8).fill(1000),
};

// SMA(1) vs SMA(2) on features shifted one bar: fast[t] > slow[t] exactly when close[t-1] > close[t-2], so a
// bullish cross at t means the close fell into t-2 and rose into t-1. Closes move down, up, up, down, down, up,
// up, so: bullish at 3, bearish at 5, bullish at 7.
const config = {
  symbol: "HAND",
  timeframe: "1d",
  start: T0,
  end: T0 + 7 * DAY,
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 1, slow: 2, allow_short: true } },
  execution: { commission_bps: 10, lot_size: 1, borrow_bps: 100 },
} as const;

describe("runBacktest on a hand-made series", () => {
  const r = runBacktest(config, { candles });

  it("fills at the open of the bar whose signal changed, reversing with two fills", () => {
    expect(Array.from(r.signal), "long from bar 3, short from 5, long from 7").toEqual([
      0, 0, 0, 1, 1, -1, -1, 1,
    ]);
    expect(Array.from(r.fills.barIndex)).toEqual([3, 5, 5, 7, 7]);
    expect(Array.from(r.fills.side)).toEqual([1, -1, -1, 1, 1]);
    expect(Array.from(r.fills.price)).toEqual([100, 99, 99, 99.5, 99.5]);
  });

  it("sizes whole units all-in, net of commission, from the equity at the fill", () => {
    // Bar 3: floor(10000 / (100 x 1.001)) = floor(99.90) = 99.
    // Bar 5: the long closes: cash 90.1 + 99 x 99 - 9.801 fee = 9881.299; short floor(9881.299 / 99.099) = 99.
    // Bar 7: the short covers: cash 9811.616247...; long floor(9811.616 / (99.5 x 1.001)) = floor(98.51) = 98.
    expect(Array.from(r.fills.qty)).toEqual([99, 99, 99, 99, 98]);
    // Fees are 10 bps of notional: 9900 -> 9.9; 9801 -> 9.801 twice; 9850.5 -> 9.8505; 9751 -> 9.751.
    const fees = Array.from(r.fills.fee);
    for (const [i, f] of [9.9, 9.801, 9.801, 9.8505, 9.751].entries()) expect(fees[i]).toBeCloseTo(f, 10);
  });

  it("accrues borrow on the short's market value for each bar's duration", () => {
    // Bar 5: 99 x 97 x 1% / 365.25 = 0.2629158110...; bar 6: 99 x 99 x 1% / 365.25 = 0.2683367556...
    const borrow = (99 * 97 * 0.01) / 365.25 + (99 * 99 * 0.01) / 365.25;
    expect(r.fills.borrowCost[3], "charged to the covering fill").toBeCloseTo(borrow, 10);
    expect(r.fills.pnlRealized[1], "long 100 -> 99 on 99 units").toBeCloseTo(-99, 10);
    expect(r.fills.pnlRealized[3], "short 99 -> 99.5 on 99 units").toBeCloseTo(-49.5, 10);
  });

  it("marks equity at every close", () => {
    const b5 = (99 * 97 * 0.01) / 365.25;
    const b6 = (99 * 99 * 0.01) / 365.25;
    const expected = [
      10000,
      10000,
      10000,
      90.1 + 99 * 101, // 10089.1
      90.1 + 99 * 100, // 9990.1
      9881.299 + 9801 - 9.801 - b5 - 99 * 97, // short opened, borrow for bar 5
      9881.299 + 9801 - 9.801 - b5 - b6 - 99 * 99,
      9881.299 + 9801 - 9.801 - b5 - b6 - 9850.5 - 9.8505 - 9751 - 9.751 + 98 * 100,
    ];
    for (const [i, e] of expected.entries()) expect(r.equity[i], `equity at bar ${i}`).toBeCloseTo(e, 8);
    expect(Array.from(r.portfolio.positionQty)).toEqual([0, 0, 0, 99, 99, -99, -99, 98]);
  });

  it("derives round trips and the metrics from them and the equity curve", () => {
    const b = (99 * 97 * 0.01) / 365.25 + (99 * 99 * 0.01) / 365.25;
    expect(r.trades.length, "the final long is still open").toBe(2);
    expect(r.trades.pnl[0]).toBeCloseTo(-99 - 9.9 - 9.801, 8);
    expect(r.trades.returnPct[0]).toBeCloseTo((-99 - 9.9 - 9.801) / 10000, 12);
    expect(r.trades.pnl[1]).toBeCloseTo(-49.5 - 9.801 - 9.8505 - b, 8);
    expect(r.trades.returnPct[1], "on the equity after the long closed").toBeCloseTo(
      (-49.5 - 9.801 - 9.8505 - b) / 9881.299,
      12,
    );
    const final = 9881.299 + 9801 - 9.801 - b - 9850.5 - 9.8505 - 9751 - 9.751 + 9800;
    const m = r.metrics;
    expect(m.total_return).toBeCloseTo(final / 10000 - 1, 12);
    expect(m.trade_count).toBe(2);
    expect(m.fill_count).toBe(5);
    expect(m.win_rate).toBe(0);
    expect(m.payoff_ratio, "no winning trade").toBeNull();
    expect(m.exposure_pct, "5 of 8 bars hold a position").toBe(62.5);
    expect(m.max_drawdown, "from the bar-3 peak 10089.1 to the final equity").toBeCloseTo(
      final / 10089.1 - 1,
      12,
    );
    expect(m.buy_and_hold_return).toBeCloseTo(100 / 100 - 1, 12);
    expect(m.start_ts).toBe(T0);
    expect(m.end_ts).toBe(T0 + 7 * DAY);
  });

  it("matches the buy-and-hold return exactly when it holds the asset with no costs", () => {
    const bh = runBacktest({ ...config, strategy: { name: "buy_and_hold" }, execution: {} }, { candles });
    expect(bh.metrics.total_return, "fractional all-in at open[0], marked at the last close").toBeCloseTo(
      bh.metrics.buy_and_hold_return!,
      12,
    );
  });
});
