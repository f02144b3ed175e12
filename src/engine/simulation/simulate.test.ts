import { describe, expect, it } from "vitest";
import { makeCandles, options } from "../test-support/make-candles.js";
import { simulate } from "./simulate.js";

// Opens 10..14 rising by 1, closes half a point above each open.
const rising = makeCandles([10, 11, 12, 13, 14], [10.5, 11.5, 12.5, 13.5, 14.5]);

describe("simulate: fills and equity", () => {
  it("fills at the open of the bar whose target changed and marks equity at each close", () => {
    const r = simulate(rising, Float64Array.from([0, 1, 1, 0, 0]), options({ lot_size: 1 }));
    // bar 1: buy floor(1000 / 11) = 90 at 11 -> cash 1000 - 990 = 10
    // bar 3: sell 90 at 13 -> cash 10 + 1170 = 1180; realized (13 - 11) x 90 = 180
    expect(Array.from(r.fills.barIndex), "the target changed at bars 1 and 3").toEqual([1, 3]);
    expect(Array.from(r.fills.side), "buy, then sell").toEqual([1, -1]);
    expect(Array.from(r.fills.qty)).toEqual([90, 90]);
    expect(Array.from(r.fills.price), "the opens of bars 1 and 3").toEqual([11, 13]);
    expect(Array.from(r.fills.pnlRealized), "0 for the opening fill").toEqual([0, 180]);
    expect(Array.from(r.fills.ts), "fill time = the bar's open time").toEqual([rising.ts[1], rising.ts[3]]);
    // equity: 1000; 10 + 90 x 11.5 = 1045; 10 + 90 x 12.5 = 1135; 1180; 1180
    expect(Array.from(r.portfolio.equity)).toEqual([1000, 1045, 1135, 1180, 1180]);
    expect(Array.from(r.portfolio.positionQty)).toEqual([0, 90, 90, 0, 0]);
    expect(Array.from(r.portfolio.cash)).toEqual([1000, 10, 10, 1180, 1180]);
    // market value 90 x close; unrealized (close - 11) x 90
    expect(Array.from(r.portfolio.marketValue)).toEqual([0, 1035, 1125, 0, 0]);
    expect(Array.from(r.portfolio.pnlUnrealized)).toEqual([0, 45, 135, 0, 0]);
    expect(Array.from(r.portfolio.priceRef), "marked at the close").toEqual(Array.from(rising.close));
    expect(r.warnings).toEqual([]);
  });

  it("holds a position unchanged while the target stays the same (no drift rebalancing)", () => {
    const r = simulate(rising, Float64Array.from([1, 1, 1, 1, 1]), options());
    expect(r.fills.length, "one entry, then nothing while prices drift").toBe(1);
    // fractional: 1000 / 10 = 100 units at bar 0
    expect(Array.from(r.portfolio.positionQty)).toEqual([100, 100, 100, 100, 100]);
  });

  it("treats NaN targets as flat", () => {
    const r = simulate(rising, Float64Array.from([Number.NaN, 1, Number.NaN, Number.NaN, 0]), options());
    expect(Array.from(r.fills.barIndex), "NaN = 0: enter at 1, exit at 2, nothing after").toEqual([1, 2]);
  });

  it("keeps a position open at the end in equity and out of the closed trades", () => {
    const r = simulate(rising, Float64Array.from([0, 1, 1, 1, 1]), options({ lot_size: 1 }));
    // 90 units bought at 11, cash 10; last close 14.5 -> equity 10 + 90 x 14.5 = 1315
    expect(r.portfolio.equity[4], "the open position is marked at the last close").toBe(1315);
    expect(r.trades.length, "no exit fill, so no round trip").toBe(0);
    expect(r.fills.length).toBe(1);
  });

  it("computes drawdown from the running peak of equity", () => {
    const falling = makeCandles([10, 10, 10, 10], [10, 8, 12, 9]);
    const r = simulate(falling, Float64Array.from([1, 1, 1, 1]), options());
    // 100 units from bar 0: equity 1000, 800, 1200, 900; peaks 1000, 1000, 1200, 1200
    expect(Array.from(r.portfolio.equity)).toEqual([1000, 800, 1200, 900]);
    // 800/1000 - 1 = -0.2; 900/1200 - 1 = -0.25
    expect(Array.from(r.drawdown)).toEqual([0, 800 / 1000 - 1, 0, 900 / 1200 - 1]);
  });
});

describe("simulate: startIndex", () => {
  it("stays flat at initial cash before startIndex and acts on the target at startIndex", () => {
    const r = simulate(
      rising,
      Float64Array.from([1, 1, 1, 1, 1]),
      options({ lot_size: 1 }, undefined, { startIndex: 2 }),
    );
    // bar 2: buy floor(1000 / 12) = 83 at 12 -> cash 1000 - 996 = 4; equity 4 + 83 x 12.5 = 1041.5
    expect(Array.from(r.fills.barIndex), "the first trade is at the segment start").toEqual([2]);
    expect(r.fills.qty[0]).toBe(83);
    expect(Array.from(r.portfolio.equity.subarray(0, 3)), "flat before the start").toEqual([
      1000, 1000, 1041.5,
    ]);
    expect(Array.from(r.drawdown.subarray(0, 2)), "no drawdown while flat").toEqual([0, 0]);
  });

  it("does not trade at startIndex when that target is flat", () => {
    const r = simulate(rising, Float64Array.from([1, 1, 0, 0, 1]), options({}, undefined, { startIndex: 2 }));
    expect(Array.from(r.fills.barIndex), "the earlier long is never entered; bar 4 enters").toEqual([4]);
  });
});

describe("simulate: skipped entries", () => {
  it("counts entries that round to 0 lots once each and does not retry them every bar", () => {
    // lot 200: at most 1000 / 10 = 100 units at any open here, floor(100 / 200) = 0 lots
    const r = simulate(rising, Float64Array.from([1, 0, 1, 1, -1]), options({ lot_size: 200 }));
    // entries at bar 0, bar 2 and the reversal at bar 4 (flat, so only the new side) -> 3 skipped
    expect(r.skippedEntries, "bar 3 repeats the acted-on target: no retry").toBe(3);
    expect(r.warnings).toEqual(["3 entries skipped: quantity rounded to 0 at lot_size 200"]);
    expect(r.fills.length).toBe(0);
    expect(Array.from(r.portfolio.equity), "never invested").toEqual([1000, 1000, 1000, 1000, 1000]);
  });
});

describe("simulate: input checks", () => {
  it("rejects a target whose length differs from the candles", () => {
    expect(() => simulate(rising, new Float64Array(3), options())).toThrow(
      /target has 3 rows, candles have 5/,
    );
  });

  it("rejects an infinite target", () => {
    expect(() => simulate(rising, Float64Array.from([0, Infinity, 0, 0, 0]), options())).toThrow(
      /target\[1\]/,
    );
  });

  it("returns empty outputs for empty candles", () => {
    const r = simulate(makeCandles([], []), new Float64Array(0), options());
    expect([r.fills.length, r.portfolio.equity.length, r.trades.length]).toEqual([0, 0, 0]);
  });
});
