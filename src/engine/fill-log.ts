/**
 * @module engine/fill-log
 * The fills of a run, written column by column into arrays allocated once at a known upper bound (see
 * fill-capacity), then handed out as exact-length views. Besides the spec's columns it keeps each fill's
 * book state (equity before, cumulative fees and average entry after), from which round trips and the
 * piecewise-constant portfolio columns are derived without writing them bar by bar in the hot loop.
 */
import type { Fills } from "../core/results.js";

/** Per fill: what round trips and the derived portfolio columns need from the book. */
export interface FillBookState {
  /** Equity marked at the fill price just before the fill: the base of a trip's return. */
  readonly equityBefore: Float64Array;
  /** Cumulative commissions after the fill. */
  readonly feesAfter: Float64Array;
  /** Average entry price of the position after the fill (0 when flat). */
  readonly avgEntryAfter: Float64Array;
}

export class FillLog {
  length = 0;
  private readonly barIndex: Int32Array;
  private readonly ts: Float64Array;
  private readonly side: Int8Array;
  private readonly qty: Float64Array;
  private readonly price: Float64Array;
  private readonly fee: Float64Array;
  private readonly slippage: Float64Array;
  private readonly pnlRealized: Float64Array;
  private readonly borrowCost: Float64Array;
  private readonly equityBefore: Float64Array;
  private readonly feesAfter: Float64Array;
  private readonly avgEntryAfter: Float64Array;

  constructor(capacity: number) {
    this.barIndex = new Int32Array(capacity);
    this.ts = new Float64Array(capacity);
    this.side = new Int8Array(capacity);
    this.qty = new Float64Array(capacity);
    this.price = new Float64Array(capacity);
    this.fee = new Float64Array(capacity);
    this.slippage = new Float64Array(capacity);
    this.pnlRealized = new Float64Array(capacity);
    this.borrowCost = new Float64Array(capacity);
    this.equityBefore = new Float64Array(capacity);
    this.feesAfter = new Float64Array(capacity);
    this.avgEntryAfter = new Float64Array(capacity);
  }

  /** Appends one fill with the book state around it. */
  push(
    bar: number,
    ts: number,
    side: number,
    qty: number,
    price: number,
    fee: number,
    slippage: number,
    pnlRealized: number,
    borrowCost: number,
    equityBefore: number,
    feesAfter: number,
    avgEntryAfter: number,
  ): void {
    const i = this.length++;
    this.barIndex[i] = bar;
    this.ts[i] = ts;
    this.side[i] = side;
    this.qty[i] = qty;
    this.price[i] = price;
    this.fee[i] = fee;
    this.slippage[i] = slippage;
    this.pnlRealized[i] = pnlRealized;
    this.borrowCost[i] = borrowCost;
    this.equityBefore[i] = equityBefore;
    this.feesAfter[i] = feesAfter;
    this.avgEntryAfter[i] = avgEntryAfter;
  }

  fills(): Fills {
    const n = this.length;
    return {
      length: n,
      barIndex: this.barIndex.subarray(0, n),
      ts: this.ts.subarray(0, n),
      side: this.side.subarray(0, n),
      qty: this.qty.subarray(0, n),
      price: this.price.subarray(0, n),
      fee: this.fee.subarray(0, n),
      slippage: this.slippage.subarray(0, n),
      pnlRealized: this.pnlRealized.subarray(0, n),
      borrowCost: this.borrowCost.subarray(0, n),
    };
  }

  /** Book state around each fill, beyond the spec's columns; see FillBookState. */
  bookState(): FillBookState {
    const n = this.length;
    return {
      equityBefore: this.equityBefore.subarray(0, n),
      feesAfter: this.feesAfter.subarray(0, n),
      avgEntryAfter: this.avgEntryAfter.subarray(0, n),
    };
  }
}
