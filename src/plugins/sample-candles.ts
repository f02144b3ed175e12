/**
 * @module plugins/sample-candles
 * The data the look-ahead checks run on, generated (no files, the same on every machine):
 * - `randomWalkCandles`: a geometric random walk of closes (1% moves, about one bar in twenty unchanged so
 *   "equal close" branches run), opens gapping from the previous close, highs and lows bracketing open and
 *   close, volumes 1000..10000, one-minute bars;
 * - `marketCandles`: real-looking daily bars from the synthetic market (fat tails, volatility clusters, regimes,
 *   overnight gaps, volume profile).
 * `withNewTail` keeps bars 0..k and regenerates every later bar from another seed; `withScaledTail` keeps bars
 * 0..k and multiplies every later price by a factor (so the series' extremes move, which a whole-series
 * scaling cannot hide from). Both are how the checks change "the future".
 */
import { allocCandles, type Candles } from "../core/candles.js";
import { Rng } from "../core/rng.js";
import { generateSynthetic } from "../data/providers/synthetic/synthetic-generator.js";

const START_TS = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

export function randomWalkCandles(n: number, seed: number): Candles {
  const out = allocCandles(n);
  for (let i = 0; i < n; i++) out.ts[i] = START_TS + i * 60_000;
  fillBars(out, 0, 100, Rng.fromSeed(seed));
  return out;
}

/** `n` daily bars of the synthetic market `symbol` (weekdays from 2015-01-05). */
export function marketCandles(n: number, symbol = "CHECK"): Candles {
  const start = Date.UTC(2015, 0, 5);
  // Weekdays only: 7/5 calendar days per bar, plus slack; trimmed to n.
  const all = generateSynthetic({
    symbol,
    timeframe: "1d",
    start,
    end: start + Math.ceil(n * 1.5 + 10) * DAY,
  });
  return copyCandles(all, n);
}

/** A copy of `candles` whose bars after `k` are regenerated from `seed` (continuing from close[k]; same times). */
export function withNewTail(candles: Candles, k: number, seed: number): Candles {
  const out = copyCandles(candles, candles.ts.length);
  fillBars(out, k + 1, candles.close[k]!, Rng.fromSeed(seed));
  return out;
}

/** A copy of `candles` whose prices after `k` are multiplied by `factor` and volumes by `factor` squared. */
export function withScaledTail(candles: Candles, k: number, factor: number): Candles {
  const out = copyCandles(candles, candles.ts.length);
  for (let i = k + 1; i < out.ts.length; i++) {
    out.open[i]! *= factor;
    out.high[i]! *= factor;
    out.low[i]! *= factor;
    out.close[i]! *= factor;
    out.volume[i]! *= factor * factor;
  }
  return out;
}

function copyCandles(candles: Candles, n: number): ReturnType<typeof allocCandles> {
  const out = allocCandles(n);
  for (const key of ["ts", "open", "high", "low", "close", "volume"] as const) {
    out[key].set(candles[key].subarray(0, n));
  }
  return out;
}

function fillBars(c: ReturnType<typeof allocCandles>, from: number, prevClose: number, rng: Rng): void {
  let prev = prevClose;
  for (let i = from; i < c.ts.length; i++) {
    const open = i === 0 ? prev : prev * Math.exp(0.002 * rng.normal());
    const close = rng.next() < 0.05 ? prev : prev * Math.exp(0.01 * rng.normal());
    c.open[i] = open;
    c.close[i] = close;
    c.high[i] = Math.max(open, close) * (1 + 0.003 * Math.abs(rng.normal()));
    c.low[i] = Math.min(open, close) * (1 - 0.003 * Math.abs(rng.normal()));
    c.volume[i] = Math.round(1000 + 9000 * rng.next());
    prev = close;
  }
}

/**
 * The two futures a look-ahead check replays after bar k: the tail regenerated from `seed`, and every price after
 * k scaled by 1.5 (a change no indicator can cancel out), each with how it was made, for messages.
 */
export function changedFutures(
  candles: Candles,
  k: number,
  seed: number,
): { how: string; candles: Candles }[] {
  return [
    { how: "regenerated tail", candles: withNewTail(candles, k, seed) },
    { how: "prices after k x1.5", candles: withScaledTail(candles, k, 1.5) },
  ];
}
