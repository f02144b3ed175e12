/**
 * Checked against values published by independent reference implementations: pypbo (esvhd/pypbo,
 * pypbo/tests/pbo_tests.py, which reproduces the papers' worked examples) and mlfinlab
 * (hudson-and-thames/mlfinlab, mlfinlab/tests/test_backtest_statistics.py).
 */
import { describe, expect, it } from "vitest";
import { probabilisticSharpeRatio } from "./probabilistic-sharpe-ratio.js";

describe("probabilisticSharpeRatio", () => {
  it("reproduces the Sharpe Ratio Efficient Frontier example (pypbo test_psr: 0.91323430688486018)", () => {
    const psr = probabilisticSharpeRatio(1.585 / Math.sqrt(12), 0, 24, -2.448, 10.164);
    expect(psr).toBeCloseTo(0.91323430688486018, 10);
  });

  it("reproduces mlfinlab test_probabalistic_sharpe_ratio (0.95727 ± 1e-4)", () => {
    expect(Math.abs(probabilisticSharpeRatio(1.14, 1, 250, 0, 3) - 0.95727)).toBeLessThan(1e-4);
  });

  it("is 0.5 when the estimate equals the benchmark, and NaN when undefined", () => {
    expect(probabilisticSharpeRatio(0.1, 0.1, 100, 0, 3)).toBe(0.5);
    expect(probabilisticSharpeRatio(0.1, 0, 1, 0, 3), "t = 1 leaves no degrees of freedom").toBeNaN();
    expect(probabilisticSharpeRatio(1, 0, 100, 5, 3), "1 - 5 + 0.5 < 0").toBeNaN();
  });
});
