/**
 * @module engine/simulation/derived-columns
 * The per-bar columns the loop does not write, rebuilt from what it does write (equity per bar) and the fill
 * log's book state. Each repeats the book's own floating-point operations in the book's order, so
 * the values are bit-for-bit those the loop would have written: cash starts from the cash after a bar's last
 * fill and then pays that bar's borrow exactly as `Book.accrueBorrow` did; fees and average entry change only at
 * fills. The engine's property tests check `equity === cash + marketValue` at every bar.
 */
import type { Candles } from "../../core/candles.js";
import type { Fills } from "../../core/results.js";
import { barDurationMs, borrowCost } from "../../execution/borrow.js";
import type { FillBookState } from "./fill-log.js";

/** The position after each bar's fills: the position after the bar's last fill, carried forward. */
export function positionColumn(n: number, fills: Fills, state: FillBookState): Float64Array {
  const out = new Float64Array(n);
  let f = 0;
  let pos = 0;
  for (let t = 0; t < n; t++) {
    for (; f < fills.length && fills.barIndex[f]! <= t; f++) pos = state.positionAfter[f]!;
    out[t] = pos;
  }
  return out;
}

/** Number of the n bars whose position after the bar's fills is non-zero: an O(fills) count, no column. */
export function exposedBars(n: number, fills: Fills, state: FillBookState): number {
  let exposed = 0;
  let pos = 0;
  // The first bar of the current run of bars whose position is `pos` (the position after the latest fill).
  let from = 0;
  for (let f = 0; f < fills.length; f++) {
    const bar = fills.barIndex[f]!;
    if (bar !== from) {
      if (pos !== 0) exposed += bar - from;
      from = bar;
    }
    pos = state.positionAfter[f]!;
  }
  if (pos !== 0) exposed += n - from;
  return exposed;
}

/** positionQty x close. */
export function marketValueColumn(positionQty: Float64Array, close: Float64Array): Float64Array {
  const out = new Float64Array(positionQty.length);
  for (let t = 0; t < out.length; t++) out[t] = positionQty[t]! * close[t]!;
  return out;
}

/** Cash after each bar's fills and borrow. */
export function cashColumn(
  candles: Candles,
  positionQty: Float64Array,
  fills: Fills,
  state: FillBookState,
  initialCash: number,
  borrowRate: number,
  intervalMs: number,
): Float64Array {
  const { ts, close } = candles;
  const out = new Float64Array(positionQty.length);
  let f = 0;
  let cash = initialCash;
  for (let t = 0; t < out.length; t++) {
    for (; f < fills.length && fills.barIndex[f]! <= t; f++) cash = state.cashAfter[f]!;
    const pos = positionQty[t]!;
    if (pos < 0 && borrowRate > 0)
      cash -= borrowCost(pos * close[t]!, barDurationMs(ts, t, intervalMs), borrowRate);
    out[t] = cash;
  }
  return out;
}

/** Cumulative commissions through each bar. */
export function feesCumColumn(n: number, fills: Fills, state: FillBookState): Float64Array {
  const out = new Float64Array(n);
  let f = 0;
  let fees = 0;
  for (let t = 0; t < n; t++) {
    for (; f < fills.length && fills.barIndex[f]! <= t; f++) fees = state.feesAfter[f]!;
    out[t] = fees;
  }
  return out;
}

/** (close - average entry) x position; 0 when flat. */
export function pnlUnrealizedColumn(
  positionQty: Float64Array,
  close: Float64Array,
  fills: Fills,
  state: FillBookState,
): Float64Array {
  const out = new Float64Array(positionQty.length);
  let f = 0;
  let avg = 0;
  for (let t = 0; t < out.length; t++) {
    for (; f < fills.length && fills.barIndex[f]! <= t; f++) avg = state.avgEntryAfter[f]!;
    const pos = positionQty[t]!;
    out[t] = pos === 0 ? 0 : (close[t]! - avg) * pos;
  }
  return out;
}

/** equity[t] / max(equity[0..t]) - 1. */
export function drawdownColumn(equity: Float64Array): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < out.length; t++) {
    const eq = equity[t]!;
    if (eq > peak) peak = eq;
    out[t] = eq / peak - 1;
  }
  return out;
}
