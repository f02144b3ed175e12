/**
 * Checked against values published by independent reference implementations: pypbo (esvhd/pypbo,
 * pypbo/tests/pbo_tests.py, which reproduces the papers' worked examples) and mlfinlab
 * (hudson-and-thames/mlfinlab, mlfinlab/tests/test_backtest_statistics.py).
 */
import { describe, expect, it } from "vitest";
import { minTrackRecordLength } from "./min-track-record-length.js";

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
