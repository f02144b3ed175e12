/**
 * PSR, E[max], DSR and MinTRL against the values published in two independent reference implementations:
 * - pypbo (esvhd/pypbo, pypbo/tests/pbo_tests.py), which reproduces the papers' worked examples;
 * - mlfinlab (hudson-and-thames/mlfinlab, mlfinlab/tests/test_backtest_statistics.py).
 */
import { describe, expect, it } from "vitest";
import { deflatedSharpeRatio, trialSharpeVariance } from "./deflated-sharpe-ratio.js";
import { expectedMaxSharpe } from "./expected-max-sharpe.js";
import { minTrackRecordLength } from "./min-track-record-length.js";
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

describe("minTrackRecordLength", () => {
  it("reproduces mlfinlab test_minimum_track_record_length (228.73497 ± 1e-4)", () => {
    expect(Math.abs(minTrackRecordLength(1.14, 1, 0, 3, 0.05) - 228.73497)).toBeLessThan(1e-4);
  });

  it("reproduces pypbo test_minTRL (Figure 8 of the Sharpe Ratio Efficient Frontier), in years", () => {
    const daily = minTrackRecordLength(2 / Math.sqrt(250), 1 / Math.sqrt(250), 0, 3, 0.05) / 250;
    const weekly = minTrackRecordLength(2 / Math.sqrt(52), 1 / Math.sqrt(52), 0, 3, 0.05) / 52;
    const monthly = minTrackRecordLength(3 / Math.sqrt(12), 2.5 / Math.sqrt(12), -0.72, 5.78, 0.05) / 12;
    expect(daily).toBeCloseTo(2.7311878017281761, 8);
    expect(weekly).toBeCloseTo(2.8288335869452368, 8);
    expect(monthly).toBeCloseTo(27.352920196040301, 8);
  });

  it("is +Infinity when the estimate does not exceed the benchmark", () => {
    expect(minTrackRecordLength(0.5, 0.5, 0, 3, 0.05)).toBe(Number.POSITIVE_INFINITY);
    expect(minTrackRecordLength(-0.1, 0, 0, 3, 0.05)).toBe(Number.POSITIVE_INFINITY);
    expect(minTrackRecordLength(0.2, 0, 0, 3, 1)).toBeNaN();
  });
});
