/**
 * @module indicators/test-support/random-walk-candles
 * Seeded, realistic-looking candles for property tests: a geometric random walk of closes (1% daily-ish moves,
 * about one bar in twenty unchanged so "equal close" branches run), opens gapping from the previous close, highs
 * and lows bracketing open and close, volumes 1000..10000, one-minute bars. `withNewTail` keeps bars 0..k and
 * regenerates every later bar from another seed, which is how the no-look-ahead tests change "the future".
 */
import { allocCandles, type Candles } from "../../core/candles.js";
import { Rng } from "../../core/rng.js";

const START_TS = Date.UTC(2024, 0, 1);

export function randomWalkCandles(n: number, seed: number): Candles {
  const out = allocCandles(n);
  fillBars(out, 0, 100, Rng.fromSeed(seed));
  return out;
}

/** A copy of `candles` whose bars after `k` are regenerated from `seed` (continuing from close[k]). */
export function withNewTail(candles: Candles, k: number, seed: number): Candles {
  const n = candles.ts.length;
  const out = allocCandles(n);
  for (const key of ["ts", "open", "high", "low", "close", "volume"] as const) {
    out[key].set(candles[key].subarray(0, k + 1));
  }
  fillBars(out, k + 1, candles.close[k]!, Rng.fromSeed(seed));
  return out;
}

function fillBars(c: ReturnType<typeof allocCandles>, from: number, prevClose: number, rng: Rng): void {
  let prev = prevClose;
  for (let i = from; i < c.ts.length; i++) {
    const open = i === 0 ? prev : prev * Math.exp(0.002 * rng.normal());
    const close = rng.next() < 0.05 ? prev : prev * Math.exp(0.01 * rng.normal());
    c.ts[i] = START_TS + i * 60_000;
    c.open[i] = open;
    c.close[i] = close;
    c.high[i] = Math.max(open, close) * (1 + 0.003 * Math.abs(rng.normal()));
    c.low[i] = Math.min(open, close) * (1 - 0.003 * Math.abs(rng.normal()));
    c.volume[i] = Math.round(1000 + 9000 * rng.next());
    prev = close;
  }
}
