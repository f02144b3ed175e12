import { describe, expect, it } from "vitest";
import { gridTrials } from "./param-grid.js";

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
});
