/**
 * @module engine/simulation/exit-model
 * The stop-loss, take-profit, trailing-stop and time exits of the open position (docs/engine.md, "Exits").
 * `enter` fixes the levels from the entry fill price E (and the shifted ATR at the entry bar for `{atr, mult}`
 * distances); the bar loop then asks, for each bar the position is held, `atOpen` (a gap through the stop or the
 * target, or a time exit) and, when nothing fired there, `inBar` (the bar's low and high against the levels). A
 * non-zero answer is a reason code; `price` and `ref` then hold the fill price and the price slippage is measured
 * from. `endBar` lets the trailing level follow the bar's high (low for a short) for the next bar. Everything is
 * computed from the long side's formulas with the comparisons mirrored for a short, so the two sides cannot drift.
 */
import { StudioError } from "../../core/errors.js";
import {
  REASON_STOP_LOSS,
  REASON_TAKE_PROFIT,
  REASON_TIME_EXIT,
  REASON_TRAILING_STOP,
} from "../../core/results.js";
import type { ExitDistance, ExitsConfig } from "../../core/run-config.js";
import { fillPrice } from "../../execution/fill-price.js";
import { limitFillPrice } from "../../execution/limit-fill-price.js";
import { stopFillPrice, stopTriggerPrice } from "../../execution/stop-fill-price.js";

/** The exits of a run as the config states them (every level optional, `intrabar` defaulted). */
export type ResolvedExits = ExitsConfig;

/** Shifted ATR columns by period: `atr.get(14)[t]` is ATR(14) through the close of bar t-1. */
export type AtrColumns = ReadonlyMap<number, Float64Array>;

/** The ATR periods the exits need, in a stable order (what the plan must compute as features). */
export function exitAtrPeriods(exits: ResolvedExits): number[] {
  const periods = new Set<number>();
  for (const d of [exits.stop_loss, exits.take_profit, exits.trailing_stop]) {
    if (typeof d === "object") periods.add(d.atr);
  }
  return [...periods].sort((a, b) => a - b);
}

/** One distance bound to its data: a fraction of the price, or mult x a column read at the entry bar. */
class Distance {
  readonly fraction: number;
  readonly mult: number;
  readonly atr: Float64Array | undefined;

  constructor(d: ExitDistance, atr: AtrColumns | undefined, key: string) {
    if (typeof d === "number") {
      this.fraction = d;
      this.mult = 0;
      this.atr = undefined;
    } else {
      this.fraction = Number.NaN;
      this.mult = d.mult;
      this.atr = atr?.get(d.atr);
      if (this.atr === undefined) {
        throw new StudioError("INTERNAL", `simulate: exits.${key} needs the ATR(${d.atr}) column, not given`);
      }
    }
  }

  /** mult x ATR at `bar`, NaN for a fraction; a NaN ATR (warm-up) leaves the level off for the position. */
  atEntry(bar: number): number {
    return this.atr === undefined ? Number.NaN : this.mult * this.atr[bar]!;
  }

  /** The level `away` from `price` on the side `dir` (-1 below, +1 above), given the entry's ATR distance. */
  level(price: number, dir: number, atrDistance: number): number {
    if (this.atr === undefined) return price * (1 + dir * this.fraction);
    return Number.isFinite(atrDistance) ? price + dir * atrDistance : dir * Number.POSITIVE_INFINITY;
  }
}

/** The columns `hold` reads (the candles', the targets) and writes (equity). */
export interface HoldColumns {
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly target: Float64Array;
  readonly equity: Float64Array;
}

/** What `hold` reports besides the bar it stopped at: the first bar with equity <= 0 (or -1), and the count of
 * bars with a negative time (see LoopOutcome.unusualBars). */
export class HoldScan {
  bust = -1;
  unusual = 0;
}

export class ExitModel {
  /** True while a position is held whose levels are watched. */
  live = false;
  /** Fill price and slippage reference of the exit `bar` reported last. */
  price = 0;
  ref = 0;

  private readonly stopLoss: Distance | undefined;
  private readonly takeProfit: Distance | undefined;
  private readonly trailing: Distance | undefined;
  private readonly maxBars: number;
  private readonly targetFirst: boolean;
  /** +1 long, -1 short. */
  private side = 0;
  /** The first bar a time exit is due at: entry bar + max_bars (Infinity without max_bars). */
  private timeBar = 0;
  /** The fixed stop S and target T; +-Infinity when off. */
  private stop = 0;
  private target = 0;
  /** The trailing level and its best price P so far (highest high for a long, lowest low for a short); P is
   * +-Infinity without a trailing stop, so no bar ever moves it. */
  private trail = 0;
  private best = 0;
  private trailAtr = Number.NaN;
  /** max(S, trail) for a long, min for a short: the one stop level the bar is checked against. */
  private stopLevel = 0;

  constructor(
    exits: ResolvedExits,
    atr: AtrColumns | undefined,
    private readonly slippageBps: number,
  ) {
    this.stopLoss =
      exits.stop_loss === undefined ? undefined : new Distance(exits.stop_loss, atr, "stop_loss");
    this.takeProfit =
      exits.take_profit === undefined ? undefined : new Distance(exits.take_profit, atr, "take_profit");
    this.trailing =
      exits.trailing_stop === undefined ? undefined : new Distance(exits.trailing_stop, atr, "trailing_stop");
    this.maxBars = exits.max_bars ?? Number.POSITIVE_INFINITY;
    this.targetFirst = exits.intrabar === "target_first";
  }

  /** A position of `side` was opened at fill price `entry` at the open of `bar`: fix its levels. */
  enter(side: number, entry: number, bar: number): void {
    const s = side;
    this.side = s;
    this.timeBar = bar + this.maxBars;
    const off = -s * Number.POSITIVE_INFINITY;
    const sl = this.stopLoss;
    this.stop = sl === undefined ? off : sl.level(entry, -s, sl.atEntry(bar));
    const tp = this.takeProfit;
    this.target = tp === undefined ? -off : tp.level(entry, s, tp.atEntry(bar));
    const tr = this.trailing;
    // In the entry bar P = E.
    this.best = tr === undefined ? -off : entry;
    this.trailAtr = tr === undefined ? Number.NaN : tr.atEntry(bar);
    this.trail = tr === undefined ? off : tr.level(entry, -s, this.trailAtr);
    this.stopLevel = s > 0 ? Math.max(this.stop, this.trail) : Math.min(this.stop, this.trail);
    this.live = true;
  }

  /** The stop level the next `bar` call checks (the fixed stop or the trailing level, whichever is tighter);
   * -Infinity for a long without one (+Infinity for a short). Read by the report to draw the levels. */
  get stopNow(): number {
    return this.stopLevel;
  }

  /** The target the next `bar` call checks; +Infinity for a long without one (-Infinity for a short). */
  get targetNow(): number {
    return this.target;
  }

  /** The position was closed (by a target change or an exit): its levels are gone. */
  exit(): void {
    this.live = false;
  }

  /**
   * Bar `bar` of the held position, whose open has already acted on any change of target: the reason of the exit
   * due (at the open, else inside the bar), with `price` and `ref` set, or 0. A bar the position survives moves
   * the trailing level's best price for the next bar. The common case (nothing touched) is the first test.
   */
  bar(bar: number, open: number, high: number, low: number): number {
    return this.survives(bar, open, high, low) ? 0 : this.decide(bar, open, high, low);
  }

  /**
   * Marks the held position's bars from `from` on while its target stays `acted` and each bar survives (the
   * first test of `bar`): equity = cash + position x close, the trailing level following every new best price.
   * Returns the first bar it did not mark, a change of target or a bar where something may be due, which the
   * caller then runs through its full steps (and `bar`); n at the end. A loop of its own, with no call in the
   * common case, because a position with live levels is held over most bars of a run with exits.
   */
  hold(from: number, c: HoldColumns, acted: number, cash: number, position: number, scan: HoldScan): number {
    const { ts, open, high, low, close, target, equity } = c;
    const n = ts.length;
    let bust = -1;
    let unusual = 0;
    let t = from;
    for (; t < n; t++) {
      // Loaded although unused, as in the bar loop: the time column streams in for the bar that ends the loop.
      if (ts[t]! < 0) unusual++;
      const raw = target[t]!;
      if ((Number.isNaN(raw) ? 0 : raw) !== acted) break;
      if (!this.survives(t, open[t]!, high[t]!, low[t]!)) break;
      const eq = cash + position * close[t]!;
      equity[t] = eq;
      if (eq <= 0 && bust < 0) bust = t;
    }
    scan.bust = bust;
    scan.unusual = unusual;
    return t;
  }

  /** Nothing is due at the open or inside the bar (the bar's range stays strictly between the levels, before the
   * time exit): the trailing level then follows the bar's best price. False when something may be due. */
  private survives(bar: number, open: number, high: number, low: number): boolean {
    const stop = this.stopLevel;
    const target = this.target;
    if (this.side > 0) {
      if (!(open > stop && open < target && bar < this.timeBar && low > stop && high < target)) return false;
      if (high > this.best) this.raise(high);
      return true;
    }
    if (!(open < stop && open > target && bar < this.timeBar && high < stop && low > target)) return false;
    if (low < this.best) this.raise(low);
    return true;
  }

  /** The rules in their order, for a bar where some level or the time may be due. */
  private decide(bar: number, open: number, high: number, low: number): number {
    const s = this.side;
    const stop = this.stopLevel;
    // 1. The open: a gap through the stop, a gap through the target, the time.
    if (s * (open - stop) <= 0) return this.stopFill(stop, open);
    if (s * (open - this.target) >= 0) return this.targetFill(open);
    if (bar >= this.timeBar) {
      this.ref = open;
      this.price = fillPrice(open, -s, this.slippageBps);
      return REASON_TIME_EXIT;
    }
    // 2. Inside the bar: both touched -> the intrabar policy, else whichever was touched.
    const hitStop = s > 0 ? low <= stop : high >= stop;
    const hitTarget = s > 0 ? high >= this.target : low <= this.target;
    if (hitStop && !(hitTarget && this.targetFirst)) return this.stopFill(stop, open);
    if (hitTarget) return this.targetFill(open);
    const extreme = s > 0 ? high : low;
    if (s * (extreme - this.best) > 0) this.raise(extreme);
    return 0;
  }

  private stopFill(stop: number, open: number): number {
    const s = this.side;
    this.ref = stopTriggerPrice(stop, open, -s);
    this.price = stopFillPrice(stop, open, -s, this.slippageBps);
    // trailing_stop when the trailing level is the tighter one, stop_loss otherwise (and on a tie).
    return s * (this.trail - this.stop) > 0 ? REASON_TRAILING_STOP : REASON_STOP_LOSS;
  }

  private targetFill(open: number): number {
    this.ref = this.price = limitFillPrice(this.target, open, -this.side);
    return REASON_TAKE_PROFIT;
  }

  /** A new best price P: the trailing level follows it (and so only ever rises for a long, falls for a short). */
  private raise(extreme: number): void {
    const s = this.side;
    this.best = extreme;
    this.trail = this.trailing!.level(extreme, -s, this.trailAtr);
    this.stopLevel = s > 0 ? Math.max(this.stop, this.trail) : Math.min(this.stop, this.trail);
  }
}
