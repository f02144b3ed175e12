import { describe, expect, it } from "vitest";
import type { Candles } from "../../core/candles.js";
import type { WfoConfig } from "../../core/run-config.js";
import { argmaxFirst, objectiveValue } from "../objective.js";
import { ValidationProgress } from "../progress.js";
import { barReturns, compoundedReturn } from "../returns.js";
import { momentumReplayer } from "../test-support/momentum-replayer.js";
import { randomCandles } from "../test-support/random-candles.js";
import type { Replayer, StrategyParams, ValidationContext } from "../types.js";
import { runWalkForward } from "./walk-forward.js";

const wfo: WfoConfig = {
  windows: 4,
  in_sample_ratio: 0.8,
  anchored: false,
  grid: { lookback: [1, 2, 5], invert: [false, true] },
  objective: "total_return",
  pbo_partitions: 8,
};

function setup() {
  const candles = randomCandles(1000, 5);
  const inner = momentumReplayer(1000, 252);
  const calls: { bars: number; start: number; params: StrategyParams }[] = [];
  const replayer: Replayer = {
    ...inner,
    run(c: Candles, params: StrategyParams, start: number) {
      calls.push({ bars: c.close.length, start, params });
      return inner.run(c, params, start);
    },
  };
  const ctx: ValidationContext = {
    candles,
    baseParams: { lookback: 3, invert: false },
    replayer,
    seed: 1,
    realEquity: new Float64Array(1000),
    realTradeReturns: new Float64Array(0),
  };
  return { candles, inner, calls, ctx };
}

describe("runWalkForward", () => {
  it("runs every trial in-sample, then the winner out-of-sample, with history up to each range's end", () => {
    const { calls, ctx } = setup();
    runWalkForward(wfo, ctx, new ValidationProgress({}, 1));
    expect(calls.length, "4 windows x (6 IS trials + 1 OOS)").toBe(28);
    // Segment 1 of the geometry in docs/validation.md (Walk-forward): IS [125, 625), OOS [625, 750).
    expect(calls.slice(7, 13).every((c) => c.bars === 625 && c.start === 125)).toBe(true);
    expect(calls[13]).toMatchObject({ bars: 750, start: 625 });
  });

  it("selects the best in-sample trial and compounds the out-of-sample returns, as recomputed independently", () => {
    const { candles, inner, ctx } = setup();
    const s = runWalkForward(wfo, ctx, new ValidationProgress({}, 1));
    const ranges = [0, 1, 2, 3].map((k) => ({
      is: [k * 125, k * 125 + 500],
      oos: [500 + k * 125, 625 + k * 125],
    }));
    const combos = [1, 2, 5].flatMap((lookback) => [false, true].map((invert) => ({ lookback, invert })));
    let stitched = 1;
    ranges.forEach(({ is, oos }, k) => {
      const sub = (end: number): Candles => ({
        ts: candles.ts.subarray(0, end),
        open: candles.open.subarray(0, end),
        high: candles.high.subarray(0, end),
        low: candles.low.subarray(0, end),
        close: candles.close.subarray(0, end),
        volume: candles.volume.subarray(0, end),
      });
      const scores = combos.map((p) => {
        const e = inner.run(sub(is[1]!), p, is[0]!).equity;
        return objectiveValue("total_return", barReturns(e, is[0]!, is[1]!, 1000), 252);
      });
      const best = combos[argmaxFirst(scores)]!;
      const oosEquity = inner.run(sub(oos[1]!), best, oos[0]!).equity;
      const oosReturn = compoundedReturn(barReturns(oosEquity, oos[0]!, oos[1]!, 1000));
      stitched *= 1 + oosReturn;
      const seg = s.segments[k]!;
      expect(seg.best_params, `segment ${k}`).toEqual(best);
      expect(seg.return, `segment ${k}`).toBeCloseTo(oosReturn, 14);
      expect(seg.in_sample_return).toBeCloseTo(Math.max(...scores), 14);
      expect(seg.in_sample_start).toBe(candles.ts[is[0]!]);
      expect(seg.out_sample_end, "epoch ms of the last OOS bar").toBe(candles.ts[oos[1]! - 1]);
    });
    expect(s.stitched_oos_return).toBeCloseTo(stitched - 1, 13);
    expect(s.profitable_segments_pct).toBe((100 * s.segments.filter((g) => g.return > 0).length) / 4);
    expect(s.trials).toBe(6);
  });

  it("computes walk-forward efficiency from annualized returns and reports null when in-sample <= 0", () => {
    const { ctx } = setup();
    const s = runWalkForward(wfo, ctx, new ValidationProgress({}, 1));
    for (const g of s.segments) {
      const isAnn = (1 + g.in_sample_return) ** (252 / g.in_sample_bars) - 1;
      const oosAnn = (1 + g.return) ** (252 / g.out_sample_bars) - 1;
      if (isAnn <= 0) expect(g.walk_forward_efficiency).toBeNull();
      else expect(g.walk_forward_efficiency).toBeCloseTo(oosAnn / isAnn, 10);
    }
  });

  it("throws INSUFFICIENT_DATA when the first in-sample window is not longer than the warm-up", () => {
    const { ctx } = setup();
    const tight = { ...wfo, windows: 40, grid: { lookback: [100] } }; // L_is = 88 bars
    expect(() => runWalkForward(tight, ctx, new ValidationProgress({}, 1))).toThrow(
      expect.objectContaining({ code: "INSUFFICIENT_DATA" }),
    );
  });
});
