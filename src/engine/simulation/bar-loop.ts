/**
 * @module engine/simulation/bar-loop
 * The hot loop of `simulate`, in a function of its own that ends with the loop: V8 compiles a long loop while it
 * runs (on-stack replacement), before any code after it has run, and code there without type feedback would
 * deoptimize the loop on every call. So the loop reports through `outcome`, written inside it. Per bar it reads
 * target and close and writes equity, the one column every consumer reads (the position changes only at fills,
 * so its column is derived from the fill log); between events a tight loop does only that. Everything that
 * happens only on a target change is in `rebalance`, and everything about stops, targets and time exits in the
 * exit model, asked only while a position has live levels (only then are the bar's high and low read); between
 * its events the exit model's own tight loop (`hold`) marks the bars.
 */
import type { Candles } from "../../core/candles.js";
import { barDurationMs, borrowCost } from "../../execution/borrow.js";
import type { Book } from "./book.js";
import { type ExitModel, HoldScan } from "./exit-model.js";
import { rebalance } from "./rebalance.js";
import type { Sizer } from "./sizer.js";

/** Per-bar output written by the loop, of the candles' length; the rest derive from it and the fills lazily. */
export interface BarColumns {
  readonly equity: Float64Array;
}

export interface LoopSettings {
  readonly startIndex: number;
  readonly intervalMs: number;
  readonly slippageBps: number;
  /** borrowRatePerMs(borrow_bps). */
  readonly borrowRate: number;
}

/** What the loop reports besides the columns. */
export class LoopOutcome {
  /** Entries whose quantity rounded to 0. */
  skipped = 0;
  /** First bar whose equity is <= 0, or -1. */
  bustBar = -1;
  /** Bars the loop only marked whose open or time is negative or, with exits, whose high is below its low (none in
   * valid candles): counted so that the loads streaming those columns are kept; not reported. */
  unusualBars = 0;
}

/** Runs bars 0..n-1 against `book`, writing `cols`; the steps are listed in simulate's module header. */
export function runBars(
  candles: Candles,
  target: Float64Array,
  settings: LoopSettings,
  book: Book,
  sizer: Sizer,
  cols: BarColumns,
  outcome: LoopOutcome,
  exits: ExitModel | null,
): void {
  const { ts, open, high, low, close } = candles;
  const equity = cols.equity;
  const { startIndex, intervalMs, slippageBps, borrowRate } = settings;
  const n = ts.length;
  let acted = 0;
  let skipped = 0;
  let bustBar = -1;
  // The book only changes on a target change or a borrow charge; between them the loop works on copies.
  let pos = book.position;
  let cashNow = book.cash;
  // Bars before startIndex only mark the untouched book, so the main loop needs no per-bar test of the index.
  const first = Math.min(startIndex, n);
  for (let t = 0; t < first; t++) {
    const eq = cashNow + pos * close[t]!;
    equity[t] = eq;
    if (eq <= 0 && bustBar < 0) bustBar = t;
  }
  let t = first;
  let unusual = 0;
  const watched = exits !== null;
  const holdCols = { ts, open, high, low, close, target, equity };
  const scan = new HoldScan();
  while (t < n) {
    // Until the target changes, a bar with no live levels and no short paying borrow only marks the book: a tight
    // loop over the target and the close with no call in its body, left at the next event and re-entered after
    // it. On a million bars it ran in 70% of the time of the single loop that did every bar's full steps (V8
    // optimizes a call-free body better: values stay in registers, nothing is reloaded after a call).
    if (!exits?.live && !(pos < 0 && borrowRate > 0)) {
      const heldCash = cashNow;
      const held = pos;
      for (; t < n; t++) {
        // The bar's open and time (and, with exits, its high and low) are loaded although unused here, so their
        // columns stream into the cache with the target's and the close's and the event bar that ends the loop
        // finds them there (loaded only at events, each was a cache miss: measured slower). The count keeps the
        // loads from being dropped.
        if (open[t]! < 0 || ts[t]! < 0 || (watched && high[t]! < low[t]!)) unusual++;
        const raw = target[t]!;
        if ((Number.isNaN(raw) ? 0 : raw) !== acted) break;
        const eq = heldCash + held * close[t]!;
        equity[t] = eq;
        if (eq <= 0 && bustBar < 0) bustBar = t;
      }
      if (t === n) break;
    } else if (exits?.live && !(pos < 0 && borrowRate > 0)) {
      // The same with live levels: the exit model's own loop, left at the first bar where something may be due.
      t = exits.hold(t, holdCols, acted, cashNow, pos, scan);
      if (scan.bust >= 0 && bustBar < 0) bustBar = scan.bust;
      unusual += scan.unusual;
      if (t === n) break;
    }
    const px = close[t]!;
    const raw = target[t]!;
    const goal = Number.isNaN(raw) ? 0 : raw;
    const time = ts[t]!;
    const price = open[t]!;
    if (goal !== acted) {
      skipped += rebalance(book, sizer, t, time, price, goal, slippageBps);
      acted = goal;
      if (exits !== null) sideChanged(exits, book, pos, t);
      pos = book.position;
      cashNow = book.cash;
    }
    if (exits?.live) {
      const reason = exits.bar(t, price, high[t]!, low[t]!);
      if (reason !== 0) {
        closeOnExit(exits, book, t, time, reason);
        pos = 0;
        cashNow = book.cash;
      }
    }
    if (pos < 0 && borrowRate > 0) {
      book.accrueBorrow(borrowCost(pos * px, barDurationMs(ts, t, intervalMs), borrowRate));
      cashNow = book.cash;
    }
    const eq = cashNow + pos * px;
    equity[t] = eq;
    if (eq <= 0 && bustBar < 0) bustBar = t;
    t++;
  }
  outcome.skipped = skipped;
  outcome.bustBar = bustBar;
  outcome.unusualBars = unusual;
}

/** After a rebalance: a new side (from flat or by reversal) gets fresh levels, a close cancels them. */
function sideChanged(exits: ExitModel, book: Book, before: number, bar: number): void {
  const now = book.position;
  if (Math.sign(now) === Math.sign(before)) return;
  if (now === 0) exits.exit();
  else exits.enter(Math.sign(now), book.avgEntry, bar);
}

/** Closes the whole position on the exit the model reported, at the price it gave. */
function closeOnExit(exits: ExitModel, book: Book, bar: number, ts: number, reason: number): void {
  book.trade({ bar, ts, delta: -book.position, price: exits.price, ref: exits.ref, reason });
  exits.exit();
}
