import { describe, expect, it } from "vitest";
import { makeCandles, options } from "../test-support/make-candles.js";
import { simulate } from "./simulate.js";

describe("portfolioBars", () => {
  const candles = makeCandles([10, 11, 12], [10.5, 11.5, 12.5]);
  const run = () =>
    simulate(candles, Float64Array.from([1, 1, 0]), options({ commission_per_share: 0.5 })).portfolio;

  it("shares the candles' ts and close columns instead of copying them", () => {
    const p = run();
    expect(p.ts, "the same array").toBe(candles.ts);
    expect(p.priceRef, "the same array").toBe(candles.close);
  });

  it("computes the derived columns once, on first access", () => {
    const p = run();
    expect(p.marketValue, "memoized").toBe(p.marketValue);
    // 1000 / (10 + 0.5) = 95.238... units at 10, fee 95.238... x 0.5; sold at 12 with the same fee again
    const qty = 1000 / 10.5;
    expect(p.marketValue[0], "marked at the 10.5 close").toBe(qty * 10.5);
    expect(p.feesCum[1], "one entry fee").toBe(qty * 0.5);
    expect(p.pnlUnrealized[1], "(11.5 - 10) x qty").toBe((11.5 - 10) * qty);
    expect(p.pnlUnrealized[2], "flat after the exit").toBe(0);
  });

  it("shows the derived columns to spreads, JSON and structuredClone like plain properties", () => {
    const p = run();
    expect(Object.keys(p).sort()).toEqual(
      ["cash", "equity", "feesCum", "marketValue", "pnlUnrealized", "positionQty", "priceRef", "ts"].sort(),
    );
    expect({ ...p }.feesCum, "spread copies the value").toBe(p.feesCum);
    expect(Array.from(structuredClone(p).marketValue), "cloned by value").toEqual(Array.from(p.marketValue));
  });
});
