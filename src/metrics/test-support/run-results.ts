/**
 * @module metrics/test-support/run-results
 * Builds the engine's result shapes (Candles, PortfolioBars, Fills, RoundTrips) from the few columns a metric
 * test cares about, filling the rest with zeros, so computeMetrics tests read like the hand calculation above them.
 */
import type { Candles } from "../../core/candles.js";
import type { Fills, PortfolioBars, RoundTrips } from "../../core/results.js";

export function candlesOf(ts: Float64Array, open: number[], close: number[]): Candles {
  const n = ts.length;
  return {
    ts,
    open: Float64Array.from(open),
    high: Float64Array.from(open, (o, i) => Math.max(o, close[i]!)),
    low: Float64Array.from(open, (o, i) => Math.min(o, close[i]!)),
    close: Float64Array.from(close),
    volume: new Float64Array(n),
  };
}

export function portfolioOf(ts: Float64Array, equity: number[], positionQty: number[]): PortfolioBars {
  const n = ts.length;
  return {
    ts,
    positionQty: Float64Array.from(positionQty),
    priceRef: new Float64Array(n),
    marketValue: new Float64Array(n),
    cash: new Float64Array(n),
    equity: Float64Array.from(equity),
    feesCum: new Float64Array(n),
    pnlUnrealized: new Float64Array(n),
  };
}

export function fillsOf(
  rows: { bar: number; side: 1 | -1; qty: number; price: number }[],
  capacity = 0,
): Fills {
  const size = Math.max(rows.length, capacity);
  const fills = {
    length: rows.length,
    barIndex: new Int32Array(size),
    ts: new Float64Array(size),
    side: new Int8Array(size),
    qty: new Float64Array(size),
    price: new Float64Array(size),
    fee: new Float64Array(size),
    slippage: new Float64Array(size),
    pnlRealized: new Float64Array(size),
    borrowCost: new Float64Array(size),
    reason: new Int8Array(size),
  };
  rows.forEach((r, i) => {
    fills.barIndex[i] = r.bar;
    fills.side[i] = r.side;
    fills.qty[i] = r.qty;
    fills.price[i] = r.price;
  });
  // Rows past `length` hold junk on purpose: metrics must never read them.
  for (let i = rows.length; i < size; i++) fills.qty[i] = fills.price[i] = 1e9;
  return fills;
}

export function tradesOf(
  rows: { entryBar: number; exitBar: number; pnl: number; returnPct: number; exitReason?: number }[],
  capacity = 0,
): RoundTrips {
  const size = Math.max(rows.length, capacity);
  const trades = {
    length: rows.length,
    direction: new Int8Array(size),
    entryBar: new Int32Array(size),
    exitBar: new Int32Array(size),
    entryTs: new Float64Array(size),
    exitTs: new Float64Array(size),
    qty: new Float64Array(size),
    entryPrice: new Float64Array(size),
    exitPrice: new Float64Array(size),
    pnl: new Float64Array(size),
    returnPct: new Float64Array(size),
    fees: new Float64Array(size),
    borrow: new Float64Array(size),
    exitReason: new Int8Array(size),
  };
  rows.forEach((r, i) => {
    trades.direction[i] = 1;
    trades.entryBar[i] = r.entryBar;
    trades.exitBar[i] = r.exitBar;
    trades.pnl[i] = r.pnl;
    trades.returnPct[i] = r.returnPct;
    trades.exitReason[i] = r.exitReason ?? 0;
  });
  for (let i = rows.length; i < size; i++) {
    trades.pnl[i] = trades.returnPct[i] = 1e9;
    trades.exitBar[i] = 1e6;
    trades.exitReason[i] = 1;
  }
  return trades;
}
