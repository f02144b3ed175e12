/**
 * @module engine/simulation/book
 * The account of one run: cash, the signed position, its average entry price and the running cost totals, with
 * the one operation that changes them, a trade. Average-cost accounting: adding to a position re-averages the
 * entry price, reducing it realizes (price - average entry) on the closed quantity. A trade never crosses zero;
 * the engine splits a reversal into a close and an open, so every fill either opens/adds or closes/reduces.
 */
import type { ExecutionConfig } from "../../core/run-config.js";
import { commission } from "../../execution/commission.js";
import type { FillLog } from "./fill-log.js";

/** One order to execute: what the engine decided and the price the execution rules gave it. */
export interface Order {
  readonly bar: number;
  readonly ts: number;
  /** Signed units: > 0 buys, < 0 sells. */
  readonly delta: number;
  /** The fill price (after slippage, for a market order). */
  readonly price: number;
  /** The price slippage is measured from: the open, or the stop level for a stop filled inside the bar. */
  readonly ref: number;
  /** Why: an index into EXIT_REASONS (0 = a change of target). */
  readonly reason: number;
}

export class Book {
  cash: number;
  /** Signed units: > 0 long, < 0 short. Exactly 0 when flat. */
  position = 0;
  /** Quantity-weighted average fill price of the open position; 0 when flat. */
  avgEntry = 0;
  feesCum = 0;
  /** Borrow accrued on the open short and not yet attributed to a closing fill. */
  private borrowOpen = 0;

  constructor(
    initialCash: number,
    private readonly execution: ExecutionConfig,
    private readonly log: FillLog,
  ) {
    this.cash = initialCash;
  }

  /**
   * Executes `order` and logs the fill. A `delta` that closes the whole position must be exactly `-position`, so
   * the book lands on an exact 0.
   */
  trade(order: Order): void {
    const { delta, price } = order;
    const side = delta > 0 ? 1 : -1;
    const qty = Math.abs(delta);
    const fee = commission(qty, price, this.execution.commission_per_share, this.execution.commission_bps);
    const equityBefore = this.cash + this.position * price;
    const held = Math.abs(this.position);
    let pnl = 0;
    let borrow = 0;
    if (held === 0 || side * this.position > 0) {
      this.avgEntry = held === 0 ? price : (this.avgEntry * held + price * qty) / (held + qty);
      this.position += delta;
    } else {
      pnl = (price - this.avgEntry) * qty * (this.position > 0 ? 1 : -1);
      if (qty >= held) {
        borrow = this.borrowOpen;
        this.position = 0;
        this.avgEntry = 0;
        this.borrowOpen = 0;
      } else {
        // A partial cover takes its pro-rata share of the borrow accrued so far.
        borrow = (this.borrowOpen * qty) / held;
        this.borrowOpen -= borrow;
        this.position += delta;
      }
    }
    this.cash -= delta * price + fee;
    this.feesCum += fee;
    const i = this.log.append();
    const c = this.log.cols;
    c.barIndex[i] = order.bar;
    c.ts[i] = order.ts;
    c.side[i] = side;
    c.qty[i] = qty;
    c.price[i] = price;
    c.fee[i] = fee;
    c.slippage[i] = Math.abs(price - order.ref) * qty;
    c.pnlRealized[i] = pnl;
    c.borrowCost[i] = borrow;
    c.reason[i] = order.reason;
    c.equityBefore[i] = equityBefore;
    c.cashAfter[i] = this.cash;
    c.feesAfter[i] = this.feesCum;
    c.avgEntryAfter[i] = this.avgEntry;
    c.positionAfter[i] = this.position;
  }

  /** Charges borrow for holding the current short over one bar. */
  accrueBorrow(cost: number): void {
    this.cash -= cost;
    this.borrowOpen += cost;
  }
}
