/**
 * @module validation/test-support/random-candles
 * Valid, deterministic OHLCV candles for validation tests: a random walk of log closes with random gaps, wicks and
 * volumes drawn from numpy's RandomState stream (so the data is reproducible outside this codebase too).
 */
import type { Candles } from "../../core/candles.js";
import { NumpyRandomState } from "./numpy-random-state.js";

export function randomCandles(n: number, seed: number, drift = 0): Candles {
  const rs = new NumpyRandomState(seed);
  const ts = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  let prev = 100;
  for (let i = 0; i < n; i++) {
    ts[i] = Date.UTC(2020, 0, 1) + i * 86_400_000;
    const o = i === 0 ? prev : prev * Math.exp(0.002 * rs.standardNormal());
    const c = o * Math.exp(drift + 0.01 * rs.standardNormal());
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c) * (1 + 0.005 * rs.randomSample());
    low[i] = Math.min(o, c) * (1 - 0.005 * rs.randomSample());
    volume[i] = Math.round(1000 + 1000 * rs.randomSample());
    prev = c;
  }
  return { ts, open, high, low, close, volume };
}
