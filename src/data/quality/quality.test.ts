import { describe, expect, it } from "vitest";
import { gapFlags } from "./gap-flags.js";
import { qualityReport } from "./quality.js";

const M = 60_000;

describe("gapFlags", () => {
  it("flags a bar whose distance to the previous one exceeds 1.5 intervals, never bar 0", () => {
    const ts = Float64Array.from([0, M, 2.5 * M, 4 * M, 6 * M, 10 * M]);
    expect(Array.from(gapFlags(ts, M)), "1.5 intervals exactly is not a gap").toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(gapFlags(new Float64Array(0), M))).toEqual([]);
  });
});

describe("qualityReport", () => {
  it("counts bars, gaps and the largest gap, and carries the ingest counts in snake_case", () => {
    const ts = Float64Array.from([0, M, 5 * M, 7 * M, 8 * M]);
    const report = qualityReport(ts, gapFlags(ts, M), { duplicatesDropped: 2, unsortedFixed: 1 });
    expect(report).toEqual({
      bars: 5,
      gaps: 2,
      largest_gap_ms: 4 * M,
      duplicates_dropped: 2,
      conflicting_duplicates: 0,
      rows_rejected: 0,
      unsorted_fixed: 1,
    });
  });

  it("reports a largest gap of 0 when there is none", () => {
    const ts = Float64Array.from([0, M]);
    expect(qualityReport(ts, gapFlags(ts, M)).largest_gap_ms).toBe(0);
  });
});
