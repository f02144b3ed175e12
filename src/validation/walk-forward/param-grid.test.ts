import { describe, expect, it } from "vitest";
import { gridSize, gridTrials } from "./param-grid.js";

describe("gridTrials", () => {
  it("enumerates the cartesian product in key order, last key fastest, merged over the base params", () => {
    const trials = gridTrials({ fast: [5, 10], slow: [20, 50, 100] }, { fast: 1, slow: 2, kind: "ema" });
    expect(trials.map((t) => `${t.combo.fast}/${t.combo.slow}`)).toEqual([
      "5/20",
      "5/50",
      "5/100",
      "10/20",
      "10/50",
      "10/100",
    ]);
    expect(trials[4]!.params).toEqual({ fast: 10, slow: 50, kind: "ema" });
  });

  it("gives one trial, the base params, for an empty grid", () => {
    expect(gridTrials({}, { period: 3 })).toEqual([{ combo: {}, params: { period: 3 } }]);
  });

  it("skips combinations the strategy rejects as a whole and refuses a grid with none left", () => {
    const grid = { fast: [5, 20], slow: [10, 50] };
    const accepts = (p: Record<string, unknown>) => (p.fast as number) < (p.slow as number);
    expect(
      gridTrials(grid, {}, accepts).map((t) => t.combo),
      "fast 20 / slow 10 is dropped",
    ).toEqual([
      { fast: 5, slow: 10 },
      { fast: 5, slow: 50 },
      { fast: 20, slow: 50 },
    ]);
    expect(gridSize(grid)).toBe(4);
    expect(() => gridTrials(grid, {}, () => false)).toThrow(/none of the 4 combinations/);
  });
});
