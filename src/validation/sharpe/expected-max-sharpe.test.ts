/**
 * Checked against values published by independent reference implementations: pypbo (esvhd/pypbo,
 * pypbo/tests/pbo_tests.py, which reproduces the papers' worked examples) and mlfinlab
 * (hudson-and-thames/mlfinlab, mlfinlab/tests/test_backtest_statistics.py).
 */
import { describe, expect, it } from "vitest";
import { expectedMaxSharpe } from "./expected-max-sharpe.js";

describe("expectedMaxSharpe", () => {
  it("reproduces pypbo test_expected_max: E[max of 100 standard normals] ≈ 2.5306028932016846", () => {
    expect(expectedMaxSharpe(100, 1)).toBeCloseTo(2.5306028932016846, 12);
  });

  it("gives MinBTL ≈ 5 years for N = 45 trials at SR_IS = 1 (pypbo test_minBTL: 4.9980870044434038)", () => {
    // Bailey, Borwein, López de Prado & Zhu (2014): "5 years of data -> no more than 45 trials".
    expect(expectedMaxSharpe(45, 1) ** 2).toBeCloseTo(4.9980870044434038, 10);
  });

  it("scales with the standard deviation of the trial Sharpes and is 0 for a single trial", () => {
    expect(expectedMaxSharpe(100, 4)).toBeCloseTo(2 * 2.5306028932016846, 12);
    expect(expectedMaxSharpe(1, 3)).toBe(0);
    expect(expectedMaxSharpe(0, 1)).toBeNaN();
  });
});
