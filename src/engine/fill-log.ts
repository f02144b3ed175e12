/**
 * @module engine/fill-log
 * The fills of a run, column by column, handed out at the end as exact-length views. Fills are rare next to bars
 * (a crossover strategy makes a few thousand in a million bars), so the columns start small and double when
 * full: no pass over the targets to size them, and no memory for fills that never happen. Besides the trades.parquet
 * columns the log keeps each fill's book state (equity before; cash, cumulative fees and average entry after), from
 * which round trips and the piecewise-constant portfolio columns are derived after the loop.
 */
import type { Fills } from "../core/results.js";

/** Per fill: what round trips and the derived portfolio columns need from the book. */
export interface FillBookState {
  /** Equity marked at the fill price just before the fill: the base of a trip's return. */
  readonly equityBefore: Float64Array;
  /** Cash after the fill. */
  readonly cashAfter: Float64Array;
  /** Cumulative commissions after the fill. */
  readonly feesAfter: Float64Array;
  /** Average entry price of the position after the fill (0 when flat). */
  readonly avgEntryAfter: Float64Array;
}

const INITIAL_CAPACITY = 64;

function grown<T extends Float64Array | Int32Array | Int8Array>(column: T): T {
  const out = new (column.constructor as new (n: number) => T)(column.length * 2);
  out.set(column);
  return out;
}

export class FillLog {
  length = 0;
  private barIndex = new Int32Array(INITIAL_CAPACITY);
  private ts = new Float64Array(INITIAL_CAPACITY);
  private side = new Int8Array(INITIAL_CAPACITY);
  private qty = new Float64Array(INITIAL_CAPACITY);
  private price = new Float64Array(INITIAL_CAPACITY);
  private fee = new Float64Array(INITIAL_CAPACITY);
  private slippage = new Float64Array(INITIAL_CAPACITY);
  private pnlRealized = new Float64Array(INITIAL_CAPACITY);
  private borrowCost = new Float64Array(INITIAL_CAPACITY);
  private equityBefore = new Float64Array(INITIAL_CAPACITY);
  private cashAfter = new Float64Array(INITIAL_CAPACITY);
  private feesAfter = new Float64Array(INITIAL_CAPACITY);
  private avgEntryAfter = new Float64Array(INITIAL_CAPACITY);

  /** Appends one fill (the trades.parquet columns); `state` then records the book around it. */
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
  ): void {
    if (this.length === this.ts.length) this.grow();
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
  }

  /** The book state around the fill pushed last. */
  state(equityBefore: number, cashAfter: number, feesAfter: number, avgEntryAfter: number): void {
    const i = this.length - 1;
    this.equityBefore[i] = equityBefore;
    this.cashAfter[i] = cashAfter;
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

  /** Book state around each fill, beyond the trades.parquet columns; see FillBookState. */
  bookState(): FillBookState {
    const n = this.length;
    return {
      equityBefore: this.equityBefore.subarray(0, n),
      cashAfter: this.cashAfter.subarray(0, n),
      feesAfter: this.feesAfter.subarray(0, n),
      avgEntryAfter: this.avgEntryAfter.subarray(0, n),
    };
  }

  private grow(): void {
    this.barIndex = grown(this.barIndex);
    this.ts = grown(this.ts);
    this.side = grown(this.side);
    this.qty = grown(this.qty);
    this.price = grown(this.price);
    this.fee = grown(this.fee);
    this.slippage = grown(this.slippage);
    this.pnlRealized = grown(this.pnlRealized);
    this.borrowCost = grown(this.borrowCost);
    this.equityBefore = grown(this.equityBefore);
    this.cashAfter = grown(this.cashAfter);
    this.feesAfter = grown(this.feesAfter);
    this.avgEntryAfter = grown(this.avgEntryAfter);
  }
}
