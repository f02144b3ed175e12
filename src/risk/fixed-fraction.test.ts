import { describe, expect, it } from "vitest";
import { parseParams } from "../core/catalog/registry.js";
import { fixedFraction } from "./fixed-fraction.js";
import type { SizingContext } from "./types.js";

const base: SizingContext = {
  equity: 1000,
  price: 100,
  exposure: 1,
  commissionRate: 0,
  commissionPerShare: 0,
};
const size = (ctx: Partial<SizingContext>, fraction = 1): number =>
  fixedFraction.quantity({ ...base, ...ctx }, { fraction });

describe("fixed_fraction", () => {
  it("puts the whole equity into the position by default", () => {
    // 1 x 1 x 1000 / 100 = 10
    expect(size({}), "all-in at 100 with 1000 of equity buys 10 units").toBe(10);
  });

  it("scales by fraction and exposure", () => {
    // 0.5 x 0.5 x 1000 / 100 = 2.5
    expect(size({ exposure: 0.5 }, 0.5), "a quarter of equity").toBe(2.5);
  });

  it("divides by the price grossed up by the proportional commission", () => {
    // 1000 / (100 x 1.001) = 9.99000999000999...; then fee 0.001 x 9.99001 x 100 = 0.999001 and cash 0
    expect(size({ commissionRate: 0.001 }), "10 bps commission").toBeCloseTo(1000 / 100.1, 12);
  });

  it("adds the per-share commission to the cost of one unit so cash cannot go negative", () => {
    // 1000 / (100 + 1) = 9.90099...; cost 9.90099 x 100 + 9.90099 x 1 = 1000
    const q = size({ commissionPerShare: 1 });
    expect(q, "each unit costs 101 all-in").toBeCloseTo(1000 / 101, 12);
    expect(q * 100 + q * 1, "price plus per-share fee spends exactly the equity").toBeCloseTo(1000, 9);
  });

  it("sizes nothing from zero or negative equity", () => {
    expect(size({ equity: 0 }), "nothing to size from").toBe(0);
    expect(size({ equity: -50 }), "a bust account never gets a negative quantity").toBe(0);
  });

  it("defaults fraction to 1 and rejects 0 and values above 10", () => {
    expect(parseParams(fixedFraction.schema, {}, "risk.params")).toEqual({ fraction: 1 });
    expect(() => parseParams(fixedFraction.schema, { fraction: 0 }, "risk.params")).toThrow(
      /risk\.params\.fraction/,
    );
    expect(() => parseParams(fixedFraction.schema, { fraction: 10.5 }, "risk.params")).toThrow(/fraction/);
    expect(
      () => parseParams(fixedFraction.schema, { fraction: 1e-5 }, "risk.params"),
      "below 0.01% of equity no position means anything",
    ).toThrow(/risk\.params\.fraction: .*\(got 0\.00001\)/);
    expect(parseParams(fixedFraction.schema, { fraction: 1e-4 }, "risk.params")).toEqual({ fraction: 1e-4 });
  });
});
