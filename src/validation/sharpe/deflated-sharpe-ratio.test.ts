/**
 * Checked against values published by independent reference implementations: pypbo (esvhd/pypbo,
 * pypbo/tests/pbo_tests.py, which reproduces the papers' worked examples) and mlfinlab
 * (hudson-and-thames/mlfinlab, mlfinlab/tests/test_backtest_statistics.py).
 */
import { describe, expect, it } from "vitest";
import { deflatedSharpeRatio, trialSharpeVariance } from "./deflated-sharpe-ratio.js";
import { probabilisticSharpeRatio } from "./probabilistic-sharpe-ratio.js";

describe("deflatedSharpeRatio", () => {
  it("reproduces the Deflated Sharpe Ratio paper's example (pypbo test_dsr: 0.90039683444939034)", () => {
    // Annual SR 2.5, annual variance of trial SRs 0.5, N = 100, T = 1250 daily returns, skew -3, kurtosis 10.
    // 50 trials at +a and 50 at -a have population variance exactly a² = 0.5 / 250.
    const a = Math.sqrt(0.5 / 250);
    const trials = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : -a));
    expect(trialSharpeVariance(trials)).toBeCloseTo(0.5 / 250, 15);
    const dsr = deflatedSharpeRatio(2.5 / Math.sqrt(250), trials, 1250, -3, 10);
    expect(dsr).toBeCloseTo(0.90039683444939034, 10);
  });

  it("reproduces mlfinlab test_deflated_sharpe_ratio (0.95836 ± 1e-4), which fixes ddof = 0", () => {
    const dsr = deflatedSharpeRatio(1.14, new Float64Array([3.5, 1.01, 1.02]), 250, 0, 3);
    expect(Math.abs(dsr - 0.95836), `ddof 1 would give about 0.36, got ${dsr}`).toBeLessThan(1e-4);
  });

  it("equals PSR(0) for a single trial and is NaN with no trials", () => {
    expect(deflatedSharpeRatio(0.1, [0.1], 100, 0, 3)).toBe(probabilisticSharpeRatio(0.1, 0, 100, 0, 3));
    expect(deflatedSharpeRatio(0.1, [], 100, 0, 3)).toBeNaN();
  });
});
