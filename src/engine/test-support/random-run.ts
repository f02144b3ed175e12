/**
 * @module engine/test-support/random-run
 * Seeded random inputs for the engine's property tests: a random-walk candle series with occasional gaps, a
 * piecewise-constant target that visits long, short, flat, fractional and NaN values, and an execution config
 * drawn from realistic cost ranges (sometimes zero, sometimes lots). Same seed, same inputs.
 */
import { allocCandles, type Candles } from "../../core/candles.js";
import { Rng } from "../../core/rng.js";
import type { ExecutionConfig, ExitDistance } from "../../core/run-config.js";
import { shiftOne } from "../../indicators/features/feature-set.js";
import { atr } from "../../indicators/volatility/atr.js";
import { type AtrColumns, exitAtrPeriods, type ResolvedExits } from "../simulation/exit-model.js";
import type { SimulateOptions } from "../simulation/simulate.js";
import { DAY, options, T0 } from "./make-candles.js";

const TARGETS = [1, -1, 0, 0.5, -0.5, 0.3, 2, Number.NaN];

export interface RandomRun {
  readonly candles: Candles;
  readonly target: Float64Array;
  readonly options: SimulateOptions;
}

export function randomCandles(rng: Rng, n: number, from = T0, firstPrice = 100): Candles {
  const c = allocCandles(n);
  let ts = from;
  let price = firstPrice;
  for (let i = 0; i < n; i++) {
    c.ts[i] = ts;
    ts += rng.next() < 0.1 ? (1 + rng.int(4)) * DAY : DAY;
    c.open[i] = price * (1 + (rng.next() - 0.5) * 0.01);
    price = c.open[i]! * (1 + (rng.next() - 0.5) * 0.06);
    c.close[i] = price;
    c.high[i] = Math.max(c.open[i]!, price) * (1 + rng.next() * 0.01);
    c.low[i] = Math.min(c.open[i]!, price) * (1 - rng.next() * 0.01);
    c.volume[i] = 1 + rng.int(1000);
  }
  return c;
}

export function randomTarget(rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n);
  let cur = 0;
  for (let i = 0; i < n; i++) {
    if (rng.next() < 0.15) cur = TARGETS[rng.int(TARGETS.length)]!;
    out[i] = cur;
  }
  return out;
}

export function randomExecution(rng: Rng): ExecutionConfig {
  const maybe = (x: number) => (rng.next() < 0.3 ? 0 : x);
  return {
    commission_per_share: maybe(rng.next() * 0.05),
    commission_bps: maybe(rng.next() * 20),
    slippage_bps: maybe(rng.next() * 30),
    borrow_bps: maybe(rng.next() * 2000),
    lot_size: [0, 0, 1, 0.1, 5][rng.int(5)]!,
  };
}

export function randomRun(seed: number, n = 300): RandomRun {
  const rng = Rng.fromSeed(seed);
  const candles = randomCandles(rng, n);
  const target = randomTarget(rng, n);
  const risk =
    rng.next() < 0.7
      ? { name: "fixed_fraction", params: { fraction: 0.2 + rng.next() * 1.3 } }
      : { name: "fixed_quantity", params: { qty: 1 + rng.int(20) } };
  const startIndex = rng.next() < 0.3 ? rng.int(n) : 0;
  return {
    candles,
    target,
    options: options(randomExecution(rng), risk, { initialCash: 10_000, startIndex }),
  };
}

/** Every kind of exit on (stop, target, trailing, time), each distance a fraction or {atr, mult} at random. */
export function randomExits(seed: number): ResolvedExits {
  const rng = Rng.fromSeed(seed).derive(11);
  const distance = (fraction: number): ExitDistance =>
    rng.next() < 0.5 ? fraction : { atr: 1 + rng.int(10), mult: 0.5 + rng.next() * 3 };
  return {
    stop_loss: distance(0.01 + rng.next() * 0.05),
    take_profit: distance(0.01 + rng.next() * 0.1),
    trailing_stop: distance(0.01 + rng.next() * 0.06),
    max_bars: 1 + rng.int(15),
    intrabar: rng.next() < 0.5 ? "stop_first" : "target_first",
  };
}

/** The shifted ATR columns the exits read, computed from `candles` as the feature layer does. */
export function atrColumnsFor(exits: ResolvedExits, candles: Candles): AtrColumns {
  return new Map(
    exitAtrPeriods(exits).map((period) => [period, shiftOne(atr.compute(candles, { period }).atr!)]),
  );
}

/** `options` with `exits` and the ATR columns for `candles`. */
export function withExits(options: SimulateOptions, exits: ResolvedExits, candles: Candles): SimulateOptions {
  return { ...options, exits, atr: atrColumnsFor(exits, candles) };
}
