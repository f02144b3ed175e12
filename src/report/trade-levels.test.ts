import { describe, expect, it } from "vitest";
import type { Candles } from "../core/candles.js";
import type { RoundTrips } from "../core/results.js";
import { entryFillPrices, tradeLevels } from "./trade-levels.js";

const H = 3_600_000;
const r7 = (x: number) => Number(x.toPrecision(7));

// bar:   0    1    2    3    4    5   6   7
const open = [100, 100, 103, 105, 102, 97, 96, 95];
const high = [101, 104, 106, 105, 103, 98, 97, 96];
const low = [99, 99, 102, 101, 96, 95, 94, 93];
const candles = {
  ts: Float64Array.from(open, (_, i) => i * H),
  open: Float64Array.from(open),
  high: Float64Array.from(high),
  low: Float64Array.from(low),
  close: Float64Array.from(open),
  volume: new Float64Array(open.length),
} as Candles;

/** A long entered at bar 1 (fill 100) stopped at bar 4, a short entered at bar 5 (fill 97) closed at bar 7. */
const trips = {
  length: 2,
  direction: Int8Array.from([1, -1]),
  entryBar: Int32Array.from([1, 5]),
  exitBar: Int32Array.from([4, 7]),
  entryTs: Float64Array.from([H, 5 * H]),
  exitTs: Float64Array.from([4 * H, 7 * H]),
  entryPrice: Float64Array.from([100, 97]),
} as RoundTrips;
const fills = {
  side: Int8Array.from([1, -1, -1, 1]),
  qty: Float64Array.from([10, 10, 5, 5]),
  price: Float64Array.from([100, 100.7, 97, 95]),
};
// Shifted ATR(3): 4 at the long's entry bar, 1.5 at the short's.
const atr3 = Float64Array.from(open, (_, i) => (i === 1 ? 4 : i === 5 ? 1.5 : Number.NaN));

describe("tradeLevels", () => {
  it("replays fixed, ATR and trailing levels bar by bar as the engine held them", () => {
    const lv = tradeLevels(
      candles,
      fills,
      trips,
      { stop_loss: { atr: 3, mult: 2 }, take_profit: 0.2, trailing_stop: 0.05, intrabar: "stop_first" },
      new Map([[3, atr3]]),
      { maxTrips: 10, maxSteps: 100, round: r7 },
    );
    // Long, E = 100: S = 100 - 2 x 4 = 92, T = 120. Trailing: bar 1 P = E -> 95 (tighter than 92);
    // bar 1's high 104 -> 98.8 for bar 2; bar 2's high 106 -> 100.7 for bars 3 and 4; bar 3's high 105 keeps it;
    // bar 4's low 96 touches 100.7 (the exit). Short, E = 97: S = 97 + 2 x 1.5 = 100, T = 97 x 0.8 = 77.6;
    // trailing 97 x 1.05 = 101.85 at entry, so the stop is 100; bar 5's low 95 -> 99.75; bar 6's low 94 -> 98.7.
    expect(lv.target).toEqual([120, 77.6]);
    expect(lv.from).toEqual([0, 3, 6]);
    expect(lv.ts).toEqual([H, 2 * H, 3 * H, 5 * H, 6 * H, 7 * H]);
    expect(lv.stop).toEqual([95, 98.8, 100.7, 100, 99.75, 98.7]);
    expect(lv.steps).toBe(6);
    expect(lv.thinned).toBe(false);
  });

  it("draws one step for a fixed stop and no target when none is set", () => {
    const lv = tradeLevels(candles, fills, trips, { stop_loss: 0.1, intrabar: "stop_first" }, undefined, {
      maxTrips: 10,
      maxSteps: 100,
      round: r7,
    });
    expect(lv.ts).toEqual([H, 5 * H]);
    expect(lv.stop).toEqual([90, 106.7]);
    expect(lv.target).toEqual([null, null]);
  });

  it("keeps every stride-th step of each trip (its first always) past the step budget", () => {
    const lv = tradeLevels(
      candles,
      fills,
      trips,
      { trailing_stop: 0.05, intrabar: "stop_first" },
      undefined,
      { maxTrips: 10, maxSteps: 3, round: r7 },
    );
    // 6 steps over a budget of 3: stride 2 keeps steps 0 and 2 of each trip.
    expect(lv.steps).toBe(6);
    expect(lv.thinned).toBe(true);
    expect(lv.stop).toEqual([95, 100.7, 101.85, 98.7]);
    expect(lv.from).toEqual([0, 2, 4]);
  });
});

describe("entryFillPrices", () => {
  it("takes each trip's opening fill, not its average entry: a scale-in and a reversal", () => {
    // Positions: 0 -> 2 -> 3 -> 0 -> -4 -> 0.
    const f = {
      side: Int8Array.from([1, 1, -1, -1, 1]),
      qty: Float64Array.from([2, 1, 3, 4, 4]),
      price: Float64Array.from([10, 11, 12, 13, 14]),
    };
    expect(Array.from(entryFillPrices(f, 2))).toEqual([10, 13]);
  });
});
