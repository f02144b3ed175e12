/**
 * @module engine/exit-model
 * The stop-loss, take-profit, trailing-stop and time exits of the open position (docs/engine.md, "Exits").
 * `enter` fixes the levels from the entry fill price E (and the shifted ATR at the entry bar for `{atr, mult}`
 * distances); the bar loop then asks, for each bar the position is held, `atOpen` (a gap through the stop or the
 * target, or a time exit) and, when nothing fired there, `inBar` (the bar's low and high against the levels). A
 * non-zero answer is a reason code; `price` and `ref` then hold the fill price and the price slippage is measured
 * from. `endBar` lets the trailing level follow the bar's high (low for a short) for the next bar. Everything is
 * computed from the long side's formulas with the comparisons mirrored for a short, so the two sides cannot drift.
 */
import { StudioError } from "../core/errors.js";
import {
  REASON_STOP_LOSS,
  REASON_TAKE_PROFIT,
  REASON_TIME_EXIT,
  REASON_TRAILING_STOP,
} from "../core/results.js";
import type { ExitDistance, ExitsConfig } from "../core/run-config.js";
import { fillPrice } from "../execution/fill-price.js";
import { limitFillPrice } from "../execution/limit-fill-price.js";
import { stopFillPrice, stopTriggerPrice } from "../execution/stop-fill-price.js";

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

export class ExitModel {
  /** True while a position is held whose levels are watched. */
  live = false;
  /** Fill price and slippage reference of the exit `atOpen`/`inBar` reported last. */
  price = 0;
  ref = 0;

  private readonly stopLoss: Distance | undefined;
  private readonly takeProfit: Distance | undefined;
  private readonly trailing: Distance | undefined;
  private readonly maxBars: number;
  private readonly targetFirst: boolean;
  /** +1 long, -1 short. */
  private side = 0;
  private entryBar = 0;
  /** The fixed stop S and target T; +-Infinity when off. */
  private stop = 0;
  private target = 0;
  /** The trailing level and its best price P so far (highest high for a long, lowest low for a short). */
  private trail = 0;
  private best = 0;
  private trailAtr = Number.NaN;

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
    this.entryBar = bar;
    const off = -s * Number.POSITIVE_INFINITY;
    const sl = this.stopLoss;
    this.stop = sl === undefined ? off : sl.level(entry, -s, sl.atEntry(bar));
    const tp = this.takeProfit;
    this.target = tp === undefined ? -off : tp.level(entry, s, tp.atEntry(bar));
    const tr = this.trailing;
    this.best = entry;
    this.trailAtr = tr === undefined ? Number.NaN : tr.atEntry(bar);
    this.trail = tr === undefined ? off : tr.level(entry, -s, this.trailAtr);
    this.live = true;
  }

  /** The position was closed (by a target change or an exit): its levels are gone. */
  exit(): void {
    this.live = false;
  }

  /** The exit due at open[bar] for the position held after the open, or 0. */
  atOpen(bar: number, open: number): number {
    const s = this.side;
    const stop = this.effectiveStop();
    if (s * (open - stop) <= 0) {
      this.ref = stopTriggerPrice(stop, open, -s);
      this.price = stopFillPrice(stop, open, -s, this.slippageBps);
      return this.stopReason();
    }
    if (s * (open - this.target) >= 0) {
      this.ref = this.price = limitFillPrice(this.target, open, -s);
      return REASON_TAKE_PROFIT;
    }
    if (bar - this.entryBar >= this.maxBars) {
      this.ref = open;
      this.price = fillPrice(open, -s, this.slippageBps);
      return REASON_TIME_EXIT;
    }
    return 0;
  }

  /** The exit inside the bar (whose open was checked by `atOpen`), or 0. */
  inBar(open: number, high: number, low: number): number {
    const s = this.side;
    const stop = this.effectiveStop();
    const hitStop = s > 0 ? low <= stop : high >= stop;
    const hitTarget = s > 0 ? high >= this.target : low <= this.target;
    if (hitStop && !(hitTarget && this.targetFirst)) {
      this.ref = stopTriggerPrice(stop, open, -s);
      this.price = stopFillPrice(stop, open, -s, this.slippageBps);
      return this.stopReason();
    }
    if (hitTarget) {
      this.ref = this.price = limitFillPrice(this.target, open, -s);
      return REASON_TAKE_PROFIT;
    }
    return 0;
  }

  /** After a bar the position survived: its high (a short's low) joins the trailing level's best price. */
  endBar(high: number, low: number): void {
    const tr = this.trailing;
    if (tr === undefined) return;
    const s = this.side;
    const extreme = s > 0 ? high : low;
    if (s * (extreme - this.best) > 0) {
      this.best = extreme;
      this.trail = tr.level(extreme, -s, this.trailAtr);
    }
  }

  /** The higher of S and the trailing level for a long, the lower for a short. */
  private effectiveStop(): number {
    return this.side > 0 ? Math.max(this.stop, this.trail) : Math.min(this.stop, this.trail);
  }

  /** trailing_stop when the trailing level is the tighter one, stop_loss otherwise (and on a tie). */
  private stopReason(): number {
    return this.side * (this.trail - this.stop) > 0 ? REASON_TRAILING_STOP : REASON_STOP_LOSS;
  }
}
