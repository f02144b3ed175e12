/**
 * @module plugins/test-support/leaky-indicators
 * Indicators that break the contract on purpose, one way each, for the look-ahead check's own tests: a centered
 * moving average (reads `half` bars ahead), a min-max scaling over the whole series, a declared lookback one
 * short, a column left unwritten, and a result that depends on how often it was computed.
 */
import { z } from "zod";
import type { IndicatorDef } from "../../indicators/types.js";

const period = z.strictObject({ period: z.int().min(1).default(5).describe("Bars averaged.") });

/** mean(close[t-h..t+h]) with h = floor(period/2): the textbook smoother that looks ahead. */
export const centeredSma: IndicatorDef<typeof period> = {
  name: "centered_sma",
  summary: "Centered moving average (leaks the future).",
  schema: period,
  outputs: ["value"],
  lookback: ({ period }) => Math.floor(period / 2),
  compute: (candles, { period }) => {
    const n = candles.close.length;
    const h = Math.floor(period / 2);
    const value = new Float64Array(n).fill(Number.NaN);
    for (let t = h; t < n; t++) {
      let sum = 0;
      let count = 0;
      for (let j = t - h; j <= Math.min(n - 1, t + h); j++) {
        sum += candles.close[j]!;
        count++;
      }
      value[t] = sum / count;
    }
    return { value };
  },
};

const none = z.strictObject({});

/** (close - min) / (max - min) over the whole series. */
export const minMaxScaled: IndicatorDef<typeof none> = {
  name: "min_max_scaled",
  summary: "Close scaled to 0..1 by the whole series' range (leaks the future).",
  schema: none,
  outputs: ["value"],
  lookback: () => 0,
  compute: (candles) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of candles.close) {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
    return { value: candles.close.map((c) => (hi > lo ? (c - lo) / (hi - lo) : 0)) };
  },
};

/** A trailing mean whose declared lookback is one bar too short. */
export const shortLookback: IndicatorDef<typeof period> = {
  name: "short_lookback",
  summary: "Trailing mean with a wrong lookback.",
  schema: period,
  outputs: ["value"],
  lookback: ({ period }) => period - 2,
  compute: (candles, { period }) => {
    const n = candles.close.length;
    const value = new Float64Array(n).fill(Number.NaN);
    for (let t = period - 1; t < n; t++) {
      let sum = 0;
      for (let j = t - period + 1; j <= t; j++) sum += candles.close[j]!;
      value[t] = sum / period;
    }
    return { value };
  },
};

/** close[t] - close[t-1], written only where it is not zero: it relies on a zero-filled column. */
export const skipsBars: IndicatorDef<typeof none> = {
  name: "skips_bars",
  summary: "Change of the close, leaving unchanged bars to the allocator.",
  schema: none,
  outputs: ["value"],
  lookback: () => 1,
  compute: (candles, _params, alloc = (len) => new Float64Array(len)) => {
    const value = alloc(candles.close.length);
    if (value.length > 0) value[0] = Number.NaN;
    for (let t = 1; t < value.length; t++) {
      const change = candles.close[t]! - candles.close[t - 1]!;
      if (change !== 0) value[t] = change;
    }
    return { value };
  },
};

let calls = 0;
/** Close plus the number of earlier calls: a hidden state. */
export const stateful: IndicatorDef<typeof none> = {
  name: "stateful",
  summary: "Close plus a call counter.",
  schema: none,
  outputs: ["value"],
  lookback: () => 0,
  compute: (candles) => {
    calls++;
    return { value: candles.close.map((c) => c + calls) };
  },
};
