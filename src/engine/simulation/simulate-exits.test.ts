import { describe, expect, it } from "vitest";
import { EXIT_REASONS } from "../../core/results.js";
import type { ExecutionConfig, ExitsConfig } from "../../core/run-config.js";
import { makeBars, options } from "../test-support/make-candles.js";
import type { AtrColumns } from "./exit-model.js";
import { simulate } from "./simulate.js";

type Bar = readonly [open: number, high: number, low: number, close: number];

/** 1000 of cash all-in, fractional units, no costs unless given. */
function run(
  bars: readonly Bar[],
  target: readonly number[],
  exits: Partial<ExitsConfig>,
  execution: Partial<ExecutionConfig> = {},
  atr?: AtrColumns,
) {
  const r = simulate(
    makeBars(bars),
    Float64Array.from(target),
    options(execution, { name: "fixed_fraction" }, { exits: { intrabar: "stop_first", ...exits }, atr }),
  );
  const fills = Array.from({ length: r.fills.length }, (_, i) => ({
    bar: r.fills.barIndex[i],
    side: r.fills.side[i],
    price: r.fills.price[i],
    reason: EXIT_REASONS[r.fills.reason[i]!],
  }));
  return { r, fills };
}

const FLAT: Bar = [100, 100, 100, 100];

describe("simulate with exits: the open", () => {
  it("exits at the open when it gaps through the stop, and does not re-enter while the target holds", () => {
    // Enter bar 1 at 100 (10 units), S = 100 x 0.95 = 95. Bar 2 opens at 90 <= 95: sell 10 at 90.
    // Bars 3-4 keep target 1: flat. Bar 5 target 0, bar 6 target 1 again: a new entry at 100.
    const { r, fills } = run(
      [FLAT, [100, 102, 99, 101], [90, 92, 88, 91], [95, 97, 94, 96], FLAT, FLAT, FLAT],
      [0, 1, 1, 1, 1, 0, 1],
      { stop_loss: 0.05 },
    );
    expect(fills).toEqual([
      { bar: 1, side: 1, price: 100, reason: "signal" },
      { bar: 2, side: -1, price: 90, reason: "stop_loss" },
      { bar: 6, side: 1, price: 100, reason: "signal" },
    ]);
    expect(r.fills.pnlRealized[1], "(90 - 100) x 10").toBeCloseTo(-100, 12);
    expect(Array.from(r.portfolio.positionQty), "flat from the stop-out until the target changes").toEqual([
      0, 10, 0, 0, 0, 0, 9,
    ]);
    expect(Array.from(r.trades.exitReason), "the trip ended on its stop").toEqual([1]);
  });

  it("exits at the open when it gaps beyond the target, at the open, a better price than T", () => {
    // T = 100 x 1.1 = 110; bar 2 opens at 115 >= 110: the limit fills at 115.
    const { fills } = run([FLAT, [100, 104, 99, 103], [115, 116, 112, 113]], [0, 1, 1], { take_profit: 0.1 });
    expect(fills[1]).toEqual({ bar: 2, side: -1, price: 115, reason: "take_profit" });
  });

  it("closes at the open of the bar after max_bars bars held, as a market order", () => {
    // Entered bar 1; held bars 1 and 2; time exit at open[3] = 104 x (1 - 10/1e4) = 103.896. Target holds: flat.
    const { r, fills } = run(
      [FLAT, [100, 101, 99, 101], [101, 103, 100, 102], [104, 105, 103, 104], FLAT],
      [0, 1, 1, 1, 1],
      { max_bars: 2 },
      { slippage_bps: 10 },
    );
    expect(fills.map((f) => [f.bar, f.reason])).toEqual([
      [1, "signal"],
      [3, "time_exit"],
    ]);
    expect(fills[1]!.price).toBeCloseTo(103.896, 12);
    expect(r.portfolio.positionQty[4], "no re-entry while the target stays 1").toBe(0);
  });

  it("lets a change of target act first: a reversal at the open cancels the old position's levels", () => {
    // Long at 100 (S = 95); bar 2 reverses at its open 100: the long's stop (low 94 <= 95) is gone, and the new
    // short's levels (S = 105, T = 90) are not touched in bar 2 (high 101, low 94). Bar 3: high 106 >= 105.
    const { fills } = run(
      [FLAT, [100, 101, 99, 100], [100, 101, 94, 95], [96, 106, 95, 104]],
      [0, 1, -1, -1],
      { stop_loss: 0.05, take_profit: 0.1 },
    );
    expect(fills).toEqual([
      { bar: 1, side: 1, price: 100, reason: "signal" },
      { bar: 2, side: -1, price: 100, reason: "signal" },
      { bar: 2, side: -1, price: 100, reason: "signal" },
      { bar: 3, side: 1, price: 105, reason: "stop_loss" },
    ]);
  });
});

describe("simulate with exits: inside the bar", () => {
  // Bar 2's range (94..111) contains both S = 95 and T = 110.
  const bars: Bar[] = [FLAT, [100, 101, 99, 100], [100, 111, 94, 100]];

  it("fills the stop at S when both levels are in one bar under stop_first", () => {
    const { r, fills } = run(bars, [0, 1, 1], { stop_loss: 0.05, take_profit: 0.1, intrabar: "stop_first" });
    expect(fills[1]).toEqual({ bar: 2, side: -1, price: 95, reason: "stop_loss" });
    expect(r.portfolio.equity[2], "10 x 95").toBeCloseTo(950, 12);
  });

  it("fills the target at T when both levels are in one bar under target_first", () => {
    const { fills } = run(bars, [0, 1, 1], { stop_loss: 0.05, take_profit: 0.1, intrabar: "target_first" });
    expect(fills[1]!.reason).toBe("take_profit");
    expect(fills[1]!.price, "T = 100 x 1.1").toBeCloseTo(110, 12);
  });

  it("checks the entry bar itself: a stop can fill in the bar the position was opened", () => {
    // Enter at open[1] = 100; bar 1's low 94 <= 95: out at 95 in the same bar.
    const { r, fills } = run([FLAT, [100, 101, 94, 96], FLAT], [0, 1, 1], { stop_loss: 0.05 });
    expect(fills.map((f) => [f.bar, f.price, f.reason])).toEqual([
      [1, 100, "signal"],
      [1, 95, "stop_loss"],
    ]);
    expect([r.trades.entryBar[0], r.trades.exitBar[0]], "a one-bar trip").toEqual([1, 1]);
    expect(r.portfolio.positionQty[1], "flat at bar 1's close").toBe(0);
  });

  it("trails the highest high up to the previous bar, rising only, and fills at the trailing level", () => {
    // trailing 10%, entry 100. Level per bar: bar 1 (P = E = 100) 90; bar 2 (P = 105) 94.5; bar 3 (P = 120) 108:
    // bar 3's own high 130 does not count for bar 3 (130 x 0.9 = 117 would be above its low 112); bar 4 (P = 130)
    // 117, and bar 4's low 115 <= 117: out at 117.
    const { r, fills } = run(
      [FLAT, [100, 105, 99, 104], [104, 120, 103, 118], [118, 130, 112, 125], [124, 125, 115, 116], FLAT],
      [0, 1, 1, 1, 1, 1],
      { trailing_stop: 0.1 },
    );
    expect(fills.slice(1)).toEqual([{ bar: 4, side: -1, price: 117, reason: "trailing_stop" }]);
    expect(r.fills.pnlRealized[1], "(117 - 100) x 10").toBeCloseTo(170, 10);
  });

  it("keeps the trailing level where it was when the highs fall", () => {
    // P: 120 after bar 2, still 120 after bar 3 (high 119): the level stays 108 and bar 4's low 107 hits it.
    const { fills } = run(
      [FLAT, [100, 105, 99, 104], [104, 120, 103, 118], [118, 119, 109, 110], [110, 111, 107, 108]],
      [0, 1, 1, 1, 1],
      { trailing_stop: 0.1 },
    );
    expect(fills[1]).toEqual({ bar: 4, side: -1, price: 108, reason: "trailing_stop" });
  });

  it("uses the higher of the stop and the trailing level, and names the one that fired", () => {
    // S = 95, trailing 8%: bar 1 level max(95, 92) = 95 (stop_loss); after bar 2 (high 110) trailing 101.2.
    const early = run([FLAT, [100, 101, 94, 96]], [0, 1], { stop_loss: 0.05, trailing_stop: 0.08 });
    expect(early.fills[1]).toEqual({ bar: 1, side: -1, price: 95, reason: "stop_loss" });
    const late = run([FLAT, [100, 101, 99, 100], [100, 110, 99, 108], [108, 109, 100, 101]], [0, 1, 1, 1], {
      stop_loss: 0.05,
      trailing_stop: 0.08,
    });
    expect(late.fills[1]!.reason).toBe("trailing_stop");
    expect(late.fills[1]!.price).toBeCloseTo(110 * 0.92, 12);
  });

  it("mirrors every rule for a short: stop above, target below, trailing from the lowest low", () => {
    // Short 10 at 100: S = 105, T = 90. Gap down to 88: the buy limit fills at the open.
    const gap = run([FLAT, [100, 101, 98, 99], [88, 89, 86, 87]], [0, -1, -1], {
      stop_loss: 0.05,
      take_profit: 0.1,
    });
    expect(gap.fills[1]).toEqual({ bar: 2, side: 1, price: 88, reason: "take_profit" });
    // Trailing 10%: bar 1 level 110; its low 95 makes it 104.5 for bar 2, whose high 105 reaches it.
    const trail = run([FLAT, [100, 101, 95, 96], [96, 105, 94, 104]], [0, -1, -1], { trailing_stop: 0.1 });
    expect(trail.fills[1]!.reason).toBe("trailing_stop");
    expect(trail.fills[1]!.price).toBeCloseTo(104.5, 12);
    expect(trail.r.fills.pnlRealized[1], "(100 - 104.5) x 10").toBeCloseTo(-45, 10);
    // A gap up through the stop buys at the open.
    const up = run([FLAT, [100, 101, 99, 100], [107, 108, 106, 107]], [0, -1, -1], { stop_loss: 0.05 });
    expect(up.fills[1]).toEqual({ bar: 2, side: 1, price: 107, reason: "stop_loss" });
  });
});

describe("simulate with exits: costs", () => {
  it("slips a stop's fill like a market order and charges commission on it", () => {
    // E = 100 x 1.001 = 100.1, qty = 1000 / (100.1 x 1.001); S = 100.1 x 0.95 = 95.095;
    // the stop sells at 95.095 x 0.999 = 94.999905; slippage (95.095 - 94.999905) x qty; fee 10 bps of notional.
    const { r } = run(
      [FLAT, [100, 101, 99, 100], [100, 100, 94, 96]],
      [0, 1, 1],
      { stop_loss: 0.05 },
      {
        slippage_bps: 10,
        commission_bps: 10,
      },
    );
    const qty = 1000 / (100.1 * 1.001);
    expect(r.fills.qty[0]).toBeCloseTo(qty, 10);
    expect(r.fills.price[1]).toBeCloseTo(94.999905, 10);
    expect(r.fills.slippage[1]).toBeCloseTo(0.095095 * qty, 10);
    expect(r.fills.fee[1]).toBeCloseTo((94.999905 * qty * 10) / 1e4, 10);
  });

  it("fills a target at T without slippage, a gap beyond T at the open", () => {
    // E = 100.1, T = 100.1 x 1.1 = 110.11: inside bar 2 the limit fills at exactly T.
    const inside = run(
      [FLAT, [100, 101, 99, 100], [100, 111, 99, 105]],
      [0, 1, 1],
      { take_profit: 0.1 },
      {
        slippage_bps: 10,
      },
    );
    expect(inside.r.fills.price[1]).toBeCloseTo(110.11, 10);
    expect(inside.r.fills.slippage[1], "a limit order pays no slippage").toBe(0);
    const gap = run(
      [FLAT, [100, 101, 99, 100], [112, 113, 111, 112]],
      [0, 1, 1],
      { take_profit: 0.1 },
      {
        slippage_bps: 10,
      },
    );
    expect([gap.r.fills.price[1], gap.r.fills.slippage[1]]).toEqual([112, 0]);
  });

  it("slips a gap through the stop from the open", () => {
    // S = 95.095; open 90: 90 x 0.999 = 89.91, slippage (90 - 89.91) x qty.
    const { r } = run(
      [FLAT, [100, 101, 99, 100], [90, 91, 89, 90]],
      [0, 1, 1],
      { stop_loss: 0.05 },
      {
        slippage_bps: 10,
      },
    );
    expect(r.fills.price[1]).toBeCloseTo(89.91, 10);
    expect(r.fills.slippage[1]).toBeCloseTo(0.09 * r.fills.qty[0]!, 10);
  });
});

describe("simulate with exits: ATR distances", () => {
  it("reads mult x ATR at the entry bar and keeps the distance for the position's life", () => {
    // ATR(3) at bar 1 (shifted, known at its open) = 2.5: S = 100 - 2 x 2.5 = 95, T = 100 + 3 x 2.5 = 107.5.
    // ATR jumps to 10 at bar 2; the levels stay. Bar 3's low 94.9 reaches 95.
    const atr = new Map([[3, Float64Array.from([Number.NaN, 2.5, 10, 10])]]);
    const { fills } = run(
      [FLAT, [100, 101, 99, 100], [100, 102, 96, 99], [99, 100, 94.9, 95]],
      [0, 1, 1, 1],
      { stop_loss: { atr: 3, mult: 2 }, take_profit: { atr: 3, mult: 3 } },
      {},
      atr,
    );
    expect(fills[1]).toEqual({ bar: 3, side: -1, price: 95, reason: "stop_loss" });
  });

  it("trails by mult x ATR from the entry bar", () => {
    // ATR 2 at entry, trailing 2 x 2 = 4 below the highest high: 96 in bar 1, 106 after bar 2's high 110.
    const atr = new Map([[14, Float64Array.from([Number.NaN, 2, 50, 50])]]);
    const { fills } = run(
      [FLAT, [100, 101, 97, 100], [100, 110, 99, 108], [108, 109, 105, 106]],
      [0, 1, 1, 1],
      { trailing_stop: { atr: 14, mult: 2 } },
      {},
      atr,
    );
    expect(fills[1]).toEqual({ bar: 3, side: -1, price: 106, reason: "trailing_stop" });
  });

  it("leaves an ATR level off for a position entered while the ATR is undefined (warm-up)", () => {
    const atr = new Map([[3, Float64Array.from([Number.NaN, Number.NaN, 1])]]);
    const { fills } = run(
      [FLAT, [100, 101, 50, 60], [60, 61, 10, 20]],
      [0, 1, 1],
      { stop_loss: { atr: 3, mult: 1 } },
      {},
      atr,
    );
    expect(fills.length, "no stop without a defined ATR at the entry").toBe(1);
  });
});

describe("simulate with exits: sizing and the target", () => {
  it("keeps a position's levels through a re-size of the same side", () => {
    // Enter 1.0 at 100 (S = 95), re-size to 0.5 at bar 2's open 100: the stop still fires at 95 in bar 3.
    const { fills } = run(
      [FLAT, [100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 94, 96]],
      [0, 1, 0.5, 0.5],
      { stop_loss: 0.05 },
    );
    expect(fills.map((f) => [f.bar, f.reason])).toEqual([
      [1, "signal"],
      [2, "signal"],
      [3, "stop_loss"],
    ]);
  });

  it("re-enters after a stop-out when the target changes to another non-zero value", () => {
    // Stopped out in bar 2; target 1 -> 0.5 at bar 3 is a change: enter half at 100.
    const { fills } = run([FLAT, [100, 101, 99, 100], [100, 101, 94, 95], FLAT], [0, 1, 1, 0.5], {
      stop_loss: 0.05,
    });
    expect(fills.map((f) => [f.bar, f.side, f.reason])).toEqual([
      [1, 1, "signal"],
      [2, -1, "stop_loss"],
      [3, 1, "signal"],
    ]);
  });
});
