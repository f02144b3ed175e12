import { describe, expect, it } from "vitest";
import { DAY, makeCandles, options, T0 } from "../test-support/make-candles.js";
import { simulate } from "./simulate.js";

const rising = makeCandles([10, 11, 12, 13, 14], [10.5, 11.5, 12.5, 13.5, 14.5]);
const longOneTrip = Float64Array.from([0, 1, 1, 0, 0]);

describe("simulate: whole-unit all-in sizing with commissions", () => {
  it.each([
    // no fees: floor(1000 / 11) = 90 units; cash 1000 - 990 = 10
    { fees: {}, qty: 90, fee: 0, cash: 10 },
    // 10 bps: floor(1000 / (11 x 1.001)) = floor(90.818) = 90; fee 10 x 990 / 1e4 = 0.99; cash 1000 - 990 - 0.99
    { fees: { commission_bps: 10 }, qty: 90, fee: 0.99, cash: 9.01 },
    // 0.5 per share: floor(1000 / 11.5) = 86; fee 86 x 0.5 = 43; cash 1000 - 946 - 43 = 11
    // (sizing without the per-share term would buy 90 and leave 1000 - 990 - 45 = -35)
    { fees: { commission_per_share: 0.5 }, qty: 86, fee: 43, cash: 11 },
    // both: floor(1000 / (11.011 + 0.5)) = floor(86.87) = 86; fee 43 + 10 x 946 / 1e4 = 43.946; cash 10.054
    { fees: { commission_bps: 10, commission_per_share: 0.5 }, qty: 86, fee: 43.946, cash: 10.054 },
  ])("buys $qty units with fees $fees and never leaves cash negative", ({ fees, qty, fee, cash }) => {
    const r = simulate(rising, longOneTrip, options({ lot_size: 1, ...fees }));
    expect(r.fills.qty[0], "whole units, rounded down").toBe(qty);
    expect(r.fills.fee[0], "commission of the entry").toBeCloseTo(fee, 10);
    expect(r.portfolio.cash[1], "cash after the entry").toBeCloseTo(cash, 10);
    expect(r.portfolio.cash[1]!, "all-in sizing keeps cash >= 0").toBeGreaterThanOrEqual(0);
    expect(r.portfolio.feesCum[1], "fees_cum counts the commission").toBeCloseTo(fee, 10);
  });

  it("charges the exit commission on the exit notional and accumulates fees", () => {
    const r = simulate(rising, longOneTrip, options({ lot_size: 1, commission_bps: 10 }));
    // exit: 90 at 13, fee 10 x 1170 / 1e4 = 1.17; cash 9.01 + 1170 - 1.17 = 1177.84; fees 0.99 + 1.17 = 2.16
    expect(r.fills.fee[1]).toBeCloseTo(1.17, 10);
    expect(r.portfolio.cash[3]).toBeCloseTo(1177.84, 9);
    expect(Array.from(r.portfolio.feesCum).map((x) => +x.toFixed(10))).toEqual([0, 0.99, 0.99, 2.16, 2.16]);
  });
});

describe("simulate: slippage", () => {
  it("buys above and sells below the open and records slippage in currency, not as a fee", () => {
    const r = simulate(rising, longOneTrip, options({ lot_size: 1, slippage_bps: 100 }));
    // buy at 11 x 1.01 = 11.11: floor(1000 / 11.11) = 90; cash 1000 - 999.9 = 0.1
    // sell at 13 x 0.99 = 12.87: cash 0.1 + 90 x 12.87 = 1158.4; realized (12.87 - 11.11) x 90 = 158.4
    expect(r.fills.price[0]).toBeCloseTo(11.11, 12);
    expect(r.fills.price[1]).toBeCloseTo(12.87, 12);
    expect(r.fills.qty[0]).toBe(90);
    // slippage: 0.11 x 90 = 9.9 and 0.13 x 90 = 11.7
    expect(r.fills.slippage[0]).toBeCloseTo(9.9, 10);
    expect(r.fills.slippage[1]).toBeCloseTo(11.7, 10);
    expect(r.fills.pnlRealized[1]).toBeCloseTo(158.4, 10);
    expect(r.portfolio.cash[4]).toBeCloseTo(1158.4, 10);
    expect(r.portfolio.feesCum[4], "slippage is inside the price, not in fees").toBe(0);
  });
});

describe("simulate: reversal", () => {
  // Bar 1 enters long at 10, bar 2 reverses to short at 12, bar 4 covers at 9. Commission 1 per unit.
  const candles = makeCandles([10, 10, 12, 9, 9], [10, 11.5, 11, 10, 9]);
  const target = Float64Array.from([0, 1, -1, -1, 0]);
  const r = simulate(candles, target, options({ lot_size: 1, commission_per_share: 1 }));

  it("closes first, then sizes the new side from the equity after the close (two fills)", () => {
    // bar 1: floor(1000 / (10 + 1)) = 90 at 10, fee 90 -> cash 1000 - 900 - 90 = 10
    // bar 2 close: sell 90 at 12, fee 90 -> cash 10 + 1080 - 90 = 1000; realized (12 - 10) x 90 = 180
    // bar 2 open short from 1000: floor(1000 / (12 + 1)) = 76 (from the pre-close 1090 it would be 83)
    //   fee 76 -> cash 1000 + 912 - 76 = 1836
    // bar 4: buy 76 at 9, fee 76 -> cash 1836 - 684 - 76 = 1076; realized (9 - 12) x 76 x -1 = 228
    expect(Array.from(r.fills.barIndex), "two fills at the reversal bar").toEqual([1, 2, 2, 4]);
    expect(Array.from(r.fills.side)).toEqual([1, -1, -1, 1]);
    expect(Array.from(r.fills.qty)).toEqual([90, 90, 76, 76]);
    expect(Array.from(r.fills.price)).toEqual([10, 12, 12, 9]);
    expect(Array.from(r.fills.fee)).toEqual([90, 90, 76, 76]);
    expect(Array.from(r.fills.pnlRealized)).toEqual([0, 180, 0, 228]);
    // equity: 1000; 10 + 90 x 11.5 = 1045; 1836 - 76 x 11 = 1000; 1836 - 760 = 1076; 1076
    expect(Array.from(r.portfolio.equity)).toEqual([1000, 1045, 1000, 1076, 1076]);
    expect(Array.from(r.portfolio.positionQty)).toEqual([0, 90, -76, -76, 0]);
    // short unrealized: (11 - 12) x -76 = 76, (10 - 12) x -76 = 152
    expect(Array.from(r.portfolio.pnlUnrealized)).toEqual([0, 135, 76, 152, 0]);
    expect(Array.from(r.drawdown)).toEqual([0, 0, 1000 / 1045 - 1, 0, 0]);
  });

  it("ends one round trip and starts another at the reversal", () => {
    const t = r.trades;
    expect(t.length).toBe(2);
    expect(Array.from(t.direction)).toEqual([1, -1]);
    expect(Array.from(t.entryBar)).toEqual([1, 2]);
    expect(Array.from(t.exitBar)).toEqual([2, 4]);
    expect(Array.from(t.entryPrice)).toEqual([10, 12]);
    expect(Array.from(t.exitPrice)).toEqual([12, 9]);
    expect(Array.from(t.qty)).toEqual([90, 76]);
    // net: 180 - 90 - 90 = 0 and 228 - 76 - 76 = 76
    expect(Array.from(t.fees)).toEqual([180, 152]);
    expect(Array.from(t.pnl)).toEqual([0, 76]);
    // returns on the equity before each entry: 0 / 1000 and 76 / 1000 (post-close equity); (1 + 0)(1.076) x 1000 = 1076
    expect(Array.from(t.returnPct)).toEqual([0, 0.076]);
  });
});

describe("simulate: borrow", () => {
  // Daily bars with a 3-day gap after bar 2; short 10 units (fixed_quantity) at 100 from bar 1; 10%/yr borrow.
  const ts = [T0, T0 + DAY, T0 + 2 * DAY, T0 + 5 * DAY, T0 + 6 * DAY];
  const candles = makeCandles([100, 100, 100, 100, 95], [100, 100, 110, 90, 95], ts);
  const opts = options({ borrow_bps: 1000 }, { name: "fixed_quantity", params: { qty: 10 } });

  it("accrues on the short's market value at the close for each bar's duration, the last bar one interval", () => {
    const r = simulate(
      makeCandles([100, 100, 100, 100], [100, 100, 110, 90], ts.slice(0, 4)),
      Float64Array.from([0, -1, -1, -1]),
      opts,
    );
    // bar 1: 10 x 100 x 0.1 x 1/365.25 = 100/365.25; bar 2: 1100 x 0.1 x 3/365.25 = 330/365.25 (3-day gap);
    // bar 3 (last): 900 x 0.1 x 1/365.25 = 90/365.25. The short sale put 2000 in cash.
    const cash = [1000, 2000 - 100 / 365.25, 2000 - 430 / 365.25, 2000 - 520 / 365.25];
    for (const [i, c] of cash.entries()) expect(r.portfolio.cash[i], `cash at bar ${i}`).toBeCloseTo(c, 10);
    expect(r.portfolio.equity[3], "cash - 10 x 90").toBeCloseTo(1100 - 520 / 365.25, 10);
    expect(r.portfolio.feesCum[3], "borrow is not a fee").toBe(0);
  });

  it("charges the accrued borrow to the covering fill and the round trip", () => {
    const r = simulate(candles, Float64Array.from([0, -1, -1, -1, 0]), opts);
    // covered at bar 4 at 95: realized (95 - 100) x 10 x -1 = 50; borrow 520/365.25; bar 4 is flat, no accrual
    expect(r.fills.borrowCost[1]).toBeCloseTo(520 / 365.25, 12);
    expect(r.fills.pnlRealized[1]).toBe(50);
    expect(r.portfolio.cash[4], "2000 - 950 - borrow").toBeCloseTo(1050 - 520 / 365.25, 10);
    expect(r.trades.borrow[0]).toBeCloseTo(520 / 365.25, 12);
    expect(r.trades.pnl[0], "net of borrow").toBeCloseTo(50 - 520 / 365.25, 10);
  });

  it("gives a partial cover its pro-rata share of the borrow accrued so far", () => {
    const flat = makeCandles([100, 100, 100], [100, 100, 100]);
    const r = simulate(flat, Float64Array.from([-1, -0.5, 0]), opts);
    // bar 0: short 10, accrues 1000 x 0.1 / 365.25 = 100/365.25
    // bar 1: cover 5 -> takes 5/10 of it = 50/365.25; the remaining 5 accrue 50/365.25 -> 100/365.25 open
    // bar 2: cover 5 -> takes 100/365.25
    expect(Array.from(r.fills.qty)).toEqual([10, 5, 5]);
    expect(r.fills.borrowCost[1]).toBeCloseTo(50 / 365.25, 12);
    expect(r.fills.borrowCost[2]).toBeCloseTo(100 / 365.25, 12);
    expect(r.trades.borrow[0], "the trip carries all of it").toBeCloseTo(150 / 365.25, 12);
  });
});
