import { describe, expect, it } from "vitest";
import { barReturns, compoundedReturn, totalReturn } from "./returns.js";

describe("returns", () => {
  const equity = Float64Array.from([100, 110, 99, 120]);

  it("anchors the first bar return on the equity before the range", () => {
    const r = barReturns(equity, 0, 4, 100);
    [0, 110 / 100 - 1, 99 / 110 - 1, 120 / 99 - 1].forEach((v, k) => {
      expect(r[k], `bar ${k}`).toBe(v);
    });
    expect(Array.from(barReturns(equity, 2, 4, 110)), "a sub-range anchored on equity[1]").toEqual([
      99 / 110 - 1,
      120 / 99 - 1,
    ]);
  });

  it("compounds bar returns back to the total return", () => {
    expect(compoundedReturn(barReturns(equity, 0, 4, 100))).toBeCloseTo(totalReturn(equity, 100), 15);
    expect(totalReturn(equity, 100)).toBeCloseTo(0.2, 15);
  });

  it("compounds the returns an index vector selects, with repeats", () => {
    expect(compoundedReturn([0.1, -0.5, 1], [2, 2, 0])).toBeCloseTo(2 * 2 * 1.1 - 1, 15);
  });

  it("writes into a caller's buffer when given one, overwriting what an earlier range left there", () => {
    const buffer = new Float64Array(4).fill(7);
    const r = barReturns(equity, 2, 4, 110, buffer);
    expect(r.buffer, "a view of the buffer, not a copy").toBe(buffer.buffer);
    expect(Array.from(r)).toEqual([99 / 110 - 1, 120 / 99 - 1]);
    expect(Array.from(barReturns(equity, 0, 3, 100, buffer))).toEqual([0, 110 / 100 - 1, 99 / 110 - 1]);
  });
});
