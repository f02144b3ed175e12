import { describe, expect, it } from "vitest";
import { compareMetrics, configDiff } from "./compare-runs.js";

describe("compareMetrics", () => {
  it("gives each run's value and its difference from the first run", () => {
    const rows = compareMetrics([
      { total_return: 0.1, sharpe: 1 },
      { total_return: 0.25, sharpe: 0.5 },
    ]);
    expect(rows).toEqual([
      { key: "total_return", values: ["10.00%", "25.00%"], diffs: ["", "+15.00 pp"] },
      { key: "sharpe", values: ["1", "0.5000"], diffs: ["", "-0.5000"] },
    ]);
  });
});

describe("configDiff", () => {
  it("lists only the leaf fields that differ, with absent ones marked", () => {
    const a = { symbol: "X", strategy: { name: "s", params: { fast: 5, slow: 20 } } };
    const b = { symbol: "X", strategy: { name: "s", params: { fast: 8, slow: 20 } }, seed: 1 };
    expect(configDiff([a, b])).toEqual([
      { path: "strategy.params.fast", values: ["5", "8"] },
      { path: "seed", values: ["(absent)", "1"] },
    ]);
  });
});
