import { describe, expect, it } from "vitest";
import { periodReturns } from "./period-returns.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("periodReturns", () => {
  it("takes each month's last equity over the previous month's, starting from the initial equity", () => {
    const ts = Float64Array.from([
      day("2023-12-30"),
      day("2023-12-31"),
      day("2024-01-15"),
      day("2024-02-01"),
    ]);
    const equity = Float64Array.from([105, 110, 99, 121]);
    const r = periodReturns(ts, equity, 100);
    expect(r.monthly.map((p) => [p.year, p.month, Number(p.ret.toFixed(10))])).toEqual([
      [2023, 12, 0.1],
      [2024, 1, -0.1],
      [2024, 2, Number((121 / 99 - 1).toFixed(10))],
    ]);
    expect(r.yearly.map((p) => [p.year, Number(p.ret.toFixed(10))])).toEqual([
      [2023, 0.1],
      [2024, 0.1],
    ]);
  });
});
