import { describe, expect, it } from "vitest";
import { sortRows } from "./sortable.js";

describe("sortRows", () => {
  const values: (number | string | null)[] = [3, null, 1, Number.NaN, 3, 2];
  const value = (i: number) => values[i]!;
  const all = [0, 1, 2, 3, 4, 5];

  it("puts missing values last in both directions and keeps equal values in their order", () => {
    expect(sortRows(all, value, true), "ascending: 1, 2, 3, 3 (rows 0 then 4), then null and NaN").toEqual([
      2, 5, 0, 4, 1, 3,
    ]);
    expect(sortRows(all, value, false), "descending: 3, 3 (rows 0 then 4), 2, 1, then null and NaN").toEqual([
      0, 4, 5, 2, 1, 3,
    ]);
  });

  it("compares strings by locale and sorts only the rows it is given", () => {
    const names = ["b", "a", "c"];
    expect(sortRows([2, 0], (i) => names[i]!, true)).toEqual([0, 2]);
    expect(sortRows([0, 1, 2], (i) => names[i]!, false)).toEqual([2, 0, 1]);
  });
});
