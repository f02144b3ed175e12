/**
 * @module engine/simulation/round-trips
 * Round trips derived from fills: a trip starts with the fill that takes the position from flat to non-zero
 * and ends with the fill that makes it flat again (a reversal's closing fill ends one trip, its opening fill
 * starts the next). Win rate, payoff ratio and trade Monte Carlo read these; positions still open at the end
 * are not trips. Each trip's return is its net P&L over the equity just before its entry fill, so the returns of
 * an all-in strategy compound to its equity curve. A trip's exit reason is that of its closing fill.
 */
import type { ColumnWorkspace } from "../../core/column-workspace.js";
import type { Fills, RoundTrips } from "../../core/results.js";

/**
 * `equityBefore[i]` is the equity marked at fill i's price just before it (see FillLog); a trip whose entry
 * equity is not positive has a NaN return (a return on nothing is undefined). With a `workspace` the columns
 * are pooled (valid until its next reset); every row up to the trip count is written.
 */
export function deriveRoundTrips(
  fills: Fills,
  equityBefore: Float64Array,
  workspace?: ColumnWorkspace,
): RoundTrips {
  // A trip needs an opening and a closing fill, so there are at most half as many trips as fills.
  const cap = fills.length >> 1;
  const f64 = (): Float64Array => (workspace === undefined ? new Float64Array(cap) : workspace.float64(cap));
  const i8 = (): Int8Array => (workspace === undefined ? new Int8Array(cap) : workspace.int8(cap));
  const direction = i8();
  const entryBar = workspace === undefined ? new Int32Array(cap) : workspace.int32(cap);
  const exitBar = workspace === undefined ? new Int32Array(cap) : workspace.int32(cap);
  const entryTs = f64();
  const exitTs = f64();
  const qtyMax = f64();
  const entryPrice = f64();
  const exitPrice = f64();
  const pnl = f64();
  const returnPct = f64();
  const feesOut = f64();
  const borrowOut = f64();
  const exitReason = i8();

  let count = 0;
  // Replays the position with the same additions the book made, so a closing fill lands on an exact 0.
  let pos = 0;
  let dir = 0;
  let entry = 0;
  let peak = 0;
  let inQty = 0;
  let inValue = 0;
  let outQty = 0;
  let outValue = 0;
  let gross = 0;
  let fees = 0;
  let borrow = 0;
  for (let i = 0; i < fills.length; i++) {
    const side = fills.side[i]!;
    const qty = fills.qty[i]!;
    const price = fills.price[i]!;
    if (pos === 0) {
      dir = side;
      entry = i;
      peak = inQty = inValue = outQty = outValue = gross = fees = borrow = 0;
    }
    if (side === dir) {
      inQty += qty;
      inValue += price * qty;
    } else {
      outQty += qty;
      outValue += price * qty;
    }
    gross += fills.pnlRealized[i]!;
    fees += fills.fee[i]!;
    borrow += fills.borrowCost[i]!;
    pos += side * qty;
    peak = Math.max(peak, Math.abs(pos));
    if (pos !== 0) continue;
    const net = gross - fees - borrow;
    const base = equityBefore[entry]!;
    direction[count] = dir;
    entryBar[count] = fills.barIndex[entry]!;
    exitBar[count] = fills.barIndex[i]!;
    entryTs[count] = fills.ts[entry]!;
    exitTs[count] = fills.ts[i]!;
    qtyMax[count] = peak;
    entryPrice[count] = inValue / inQty;
    exitPrice[count] = outValue / outQty;
    pnl[count] = net;
    returnPct[count] = base > 0 ? net / base : Number.NaN;
    feesOut[count] = fees;
    borrowOut[count] = borrow;
    exitReason[count] = fills.reason[i]!;
    count++;
  }
  return {
    length: count,
    direction: direction.subarray(0, count),
    entryBar: entryBar.subarray(0, count),
    exitBar: exitBar.subarray(0, count),
    entryTs: entryTs.subarray(0, count),
    exitTs: exitTs.subarray(0, count),
    qty: qtyMax.subarray(0, count),
    entryPrice: entryPrice.subarray(0, count),
    exitPrice: exitPrice.subarray(0, count),
    pnl: pnl.subarray(0, count),
    returnPct: returnPct.subarray(0, count),
    fees: feesOut.subarray(0, count),
    borrow: borrowOut.subarray(0, count),
    exitReason: exitReason.subarray(0, count),
  };
}
