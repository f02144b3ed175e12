import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { barReturns } from "./bar-returns.js";

describe("barReturns", () => {
  it("measures the first return against the initial cash and each next one against the previous equity", () => {
    // 110/100 - 1 = 0.1; 99/110 - 1 = -0.1; 108.9/99 - 1 = 0.1
    const r = barReturns(f64(110, 99, 108.9), 100);
    expect(r.length).toBe(3);
    expect(r[0]).toBeCloseTo(0.1, 14);
    expect(r[1]).toBeCloseTo(-0.1, 14);
    expect(r[2]).toBeCloseTo(0.1, 14);
  });

  it("compounds to the total return", () => {
    const r = barReturns(f64(110, 99, 108.9), 100);
    const compounded = r.reduce((acc, x) => acc * (1 + x), 1) - 1;
    expect(compounded, "prod(1+r) - 1 = 108.9/100 - 1 = 0.089").toBeCloseTo(0.089, 13);
  });

  it("writes into the given buffer and returns it", () => {
    const out = new Float64Array(2);
    const r = barReturns(f64(50, 75), 100, out);
    expect(r, "an exact-size buffer is returned as is").toBe(out);
    expect(Array.from(out), "50/100 - 1 = -0.5; 75/50 - 1 = 0.5").toEqual([-0.5, 0.5]);
  });

  it("returns a view of the first n values of a longer buffer", () => {
    const out = new Float64Array(4).fill(7);
    const r = barReturns(f64(50, 75), 100, out);
    expect(Array.from(r)).toEqual([-0.5, 0.5]);
    expect(out[2], "values past n are left alone").toBe(7);
    expect(r.buffer, "no new allocation").toBe(out.buffer);
  });

  it("rejects a buffer shorter than the equity", () => {
    expect(() => barReturns(f64(1, 2, 3), 1, new Float64Array(2))).toThrow(RangeError);
  });

  it("is empty for an empty equity curve", () => {
    expect(barReturns(new Float64Array(0), 100).length).toBe(0);
  });

  it("gives a non-finite return after equity touches zero", () => {
    // 0/100 - 1 = -1 is fine; 0/0 - 1 is NaN
    const r = barReturns(f64(0, 0), 100);
    expect(r[0]).toBe(-1);
    expect(Number.isFinite(r[1]!), "0/0 has no ratio").toBe(false);
  });
});
