import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";
import { f64 } from "../test-support/series.js";
import { drawdownStats } from "./drawdown-stats.js";

/** Independent method: build the drawdown series, then read episodes as maximal runs of dd < 0. */
function naive(equity: number[]) {
  const dd = equity.map((e, t) => e / Math.max(...equity.slice(0, t + 1)) - 1);
  const troughs: number[] = [];
  const durations: number[] = [];
  let t = 0;
  while (t < dd.length) {
    if (dd[t]! >= 0) {
      t++;
      continue;
    }
    const start = t;
    while (t < dd.length && dd[t]! < 0) t++;
    troughs.push(Math.min(...dd.slice(start, t)));
    // peak bar = start - 1; end bar = the recovery bar t, or the last bar when the run reaches the end
    durations.push((t < dd.length ? t : dd.length - 1) - (start - 1));
  }
  return {
    maxDrawdown: Math.min(0, ...dd),
    avgDrawdown: troughs.length ? troughs.reduce((a, b) => a + b, 0) / troughs.length : 0,
    maxDurationBars: Math.max(0, ...durations),
    episodes: troughs.length,
  };
}

describe("drawdownStats", () => {
  it("reads three episodes off a hand-made curve", () => {
    // peak 110 (bar 1): 99 -> 99/110 - 1 = -0.1, 104.5 -> -0.05, 121 (bar 4) recovers: duration 4 - 1 = 3
    // peak 121 (bar 4): 114.95 -> 114.95/121 - 1 = -0.05, 121 (bar 6) regains it: duration 6 - 4 = 2
    // peak 130 (bar 7): 91 -> -0.3, 117 -> -0.1, never recovers: duration to the last bar 9 - 7 = 2
    const s = drawdownStats(f64(100, 110, 99, 104.5, 121, 114.95, 121, 130, 91, 117));
    expect(s.episodes).toBe(3);
    expect(s.maxDrawdown, "the deepest trough, 91/130 - 1").toBeCloseTo(-0.3, 14);
    expect(s.avgDrawdown, "(-0.1 - 0.05 - 0.3) / 3").toBeCloseTo(-0.15, 14);
    expect(s.maxDurationBars, "max(3, 2, 2)").toBe(3);
  });

  it("ends an episode when equity exactly regains the peak", () => {
    // 100 -> 90 -> 100 closes episode 1 (trough -0.1, 2 bars); 95 opens episode 2 (-0.05, 1 bar, open at end)
    const s = drawdownStats(f64(100, 90, 100, 95));
    expect(s.episodes).toBe(2);
    expect(s.avgDrawdown, "(-0.1 - 0.05) / 2").toBeCloseTo(-0.075, 14);
    expect(s.maxDurationBars).toBe(2);
  });

  it("starts the running peak at the first equity value, not at the initial cash", () => {
    // equity opens at 90 (a first-bar loss from 100 cash) and only rises: no episode
    expect(drawdownStats(f64(90, 95, 100))).toEqual({
      maxDrawdown: 0,
      avgDrawdown: 0,
      maxDurationBars: 0,
      episodes: 0,
    });
  });

  it("is all zeros for empty, one-bar and never-falling curves", () => {
    const zero = { maxDrawdown: 0, avgDrawdown: 0, maxDurationBars: 0, episodes: 0 };
    expect(drawdownStats(new Float64Array(0))).toEqual(zero);
    expect(drawdownStats(f64(100))).toEqual(zero);
    expect(drawdownStats(f64(100, 100, 101, 101))).toEqual(zero);
  });

  it("terminates on a curve holding NaN", () => {
    expect(drawdownStats(f64(100, Number.NaN, 90, 110)).episodes, "NaN counts as under water").toBe(1);
  });

  it("agrees with the drawdown series read naively on a random walk", () => {
    const rng = Rng.fromSeed(7);
    const equity: number[] = [];
    let e = 1000;
    for (let t = 0; t < 500; t++) equity.push((e *= 1 + 0.02 * rng.normal()));
    const s = drawdownStats(Float64Array.from(equity));
    const expected = naive(equity);
    expect(expected.episodes, "the walk must exercise several episodes").toBeGreaterThan(5);
    expect(s.episodes).toBe(expected.episodes);
    expect(s.maxDrawdown).toBeCloseTo(expected.maxDrawdown, 14);
    expect(s.avgDrawdown).toBeCloseTo(expected.avgDrawdown, 14);
    expect(s.maxDurationBars).toBe(expected.maxDurationBars);
  });
});
