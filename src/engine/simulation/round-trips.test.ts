import { describe, expect, it } from "vitest";
import type { Fills } from "../../core/results.js";
import { makeCandles, options } from "../test-support/make-candles.js";
import { deriveRoundTrips } from "./round-trips.js";
import { simulate } from "./simulate.js";

type Row = [bar: number, side: number, qty: number, price: number, fee: number, pnl: number, borrow: number];

function fills(rows: Row[]): Fills {
  const col = (k: number) => Float64Array.from(rows.map((r) => r[k]!));
  return {
    length: rows.length,
    barIndex: Int32Array.from(rows.map((r) => r[0])),
    ts: col(0).map((b) => b * 1000),
    side: Int8Array.from(rows.map((r) => r[1])),
    qty: col(2),
    price: col(3),
    fee: col(4),
    slippage: new Float64Array(rows.length),
    pnlRealized: col(5),
    borrowCost: col(6),
    reason: new Int8Array(rows.length),
  };
}

describe("deriveRoundTrips", () => {
  it("runs a trip from the fill that leaves flat to the fill that returns to flat", () => {
    // long 2 at 5 (bar 0), sell 2 at 6 (bar 3): gross (6 - 5) x 2 = 2, fees 0.1 + 0.1 -> net 1.8
    const f = fills([
      [0, 1, 2, 5, 0.1, 0, 0],
      [3, -1, 2, 6, 0.1, 2, 0],
    ]);
    const t = deriveRoundTrips(f, Float64Array.from([100, 101.9]));
    expect(t.length).toBe(1);
    expect([t.direction[0], t.entryBar[0], t.exitBar[0], t.entryTs[0], t.exitTs[0]]).toEqual([
      1, 0, 3, 0, 3000,
    ]);
    expect(t.fees[0]).toBeCloseTo(0.2, 15);
    expect(t.pnl[0]).toBeCloseTo(1.8, 14);
    // return on the equity before the entry fill: 1.8 / 100
    expect(t.returnPct[0]).toBeCloseTo(0.018, 15);
  });

  it("leaves a position still open after the last fill out of the trips", () => {
    const f = fills([
      [0, 1, 2, 5, 0, 0, 0],
      [3, -1, 2, 6, 0, 2, 0],
      [5, -1, 1, 7, 0, 0, 0],
    ]);
    expect(
      deriveRoundTrips(f, Float64Array.from([100, 102, 102])).length,
      "the short from bar 5 is open",
    ).toBe(1);
  });

  it("averages entry and exit prices by quantity and reports the largest position held", () => {
    // short 3 at 10, add 1 at 12, cover 2 at 9, cover 2 at 8
    // entry (30 + 12) / 4 = 10.5; exit (18 + 16) / 4 = 8.5; gross (10.5 - 9) x 2 + (10.5 - 8) x 2 = 8; borrow 0.5
    const f = fills([
      [1, -1, 3, 10, 0, 0, 0],
      [2, -1, 1, 12, 0, 0, 0],
      [4, 1, 2, 9, 0, 3, 0.2],
      [6, 1, 2, 8, 0, 5, 0.3],
    ]);
    const t = deriveRoundTrips(f, Float64Array.from([200, 0, 0, 0]));
    expect([t.direction[0], t.qty[0], t.entryPrice[0], t.exitPrice[0]]).toEqual([-1, 4, 10.5, 8.5]);
    expect(t.borrow[0]).toBeCloseTo(0.5, 15);
    // net 8 - 0.5 = 7.5, over 200
    expect(t.pnl[0]).toBeCloseTo(7.5, 14);
    expect(t.returnPct[0]).toBeCloseTo(0.0375, 15);
  });

  it("gives a NaN return when the equity before the entry was not positive", () => {
    const f = fills([
      [0, 1, 1, 5, 0, 0, 0],
      [1, -1, 1, 6, 0, 1, 0],
    ]);
    expect(deriveRoundTrips(f, Float64Array.from([0, 1])).returnPct[0], "a return on nothing").toBeNaN();
  });

  it("keeps one trip across re-sizes of the same side, as simulate produces them", () => {
    // fixed_quantity 10: target 1 -> 10 units, 0.5 -> 5, back to 1 -> 10, then flat
    const candles = makeCandles([10, 12, 11, 13], [10, 12, 11, 13]);
    const r = simulate(
      candles,
      Float64Array.from([1, 0.5, 1, 0]),
      options({}, { name: "fixed_quantity", params: { qty: 10 } }),
    );
    // bar 0 buy 10 at 10 (cash 900); bar 1 sell 5 at 12, realized (12 - 10) x 5 = 10 (cash 960);
    // bar 2 buy 5 at 11, average entry (10 x 5 + 11 x 5) / 10 = 10.5 (cash 905);
    // bar 3 sell 10 at 13, realized (13 - 10.5) x 10 = 25 (cash 1035)
    expect(Array.from(r.fills.qty)).toEqual([10, 5, 5, 10]);
    expect(Array.from(r.fills.pnlRealized)).toEqual([0, 10, 0, 25]);
    expect(Array.from(r.portfolio.equity)).toEqual([1000, 1020, 1015, 1035]);
    // equity: 960 + 5 x 12 = 1020, 905 + 10 x 11 = 1015; unrealized (12 - 10) x 5 = 10, (11 - 10.5) x 10 = 5
    expect(Array.from(r.portfolio.pnlUnrealized)).toEqual([0, 10, 5, 0]);
    const t = r.trades;
    expect(t.length, "one long trip").toBe(1);
    expect(t.qty[0], "largest position held").toBe(10);
    // entry (10 x 10 + 11 x 5) / 15 = 155/15; exit (12 x 5 + 13 x 10) / 15 = 190/15; net 35 over 1000
    expect(t.entryPrice[0]).toBeCloseTo(155 / 15, 13);
    expect(t.exitPrice[0]).toBeCloseTo(190 / 15, 13);
    expect(t.pnl[0]).toBe(35);
    expect(t.returnPct[0]).toBe(0.035);
  });
});
