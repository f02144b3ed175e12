import { describe, expect, it } from "vitest";
import { runWarnings } from "./run-warnings.js";

const H = 3_600_000;

describe("runWarnings", () => {
  it("keeps the pipeline's warnings and adds gaps, partial coverage, no trades and skipped trials", () => {
    const summary = {
      warnings: ["15 entries skipped: quantity rounded to 0 at lot_size 1"],
      config: { start: 0, end: 100 * H, timeframe: "1h" },
      data: { first_ts: 10 * H, last_ts: 100 * H },
      data_quality: { gaps: 2, largest_gap_ms: 5 * H },
    };
    const w = runWarnings(summary, { trade_count: 0 }, { wfo: { skipped_trials: 3, trials: 6 } });
    expect(w).toEqual([
      "15 entries skipped: quantity rounded to 0 at lot_size 1",
      "2 gap(s) in the data; the largest is 5h",
      "partial data coverage: asked for 1970-01-01T00:00:00Z to 1970-01-05T04:00:00Z, data covers 1970-01-01T10:00:00Z to 1970-01-05T04:00:00Z",
      "no trade was closed: the strategy never completed a round trip in this range",
      "walk-forward skipped 3 of 6 grid trials",
    ]);
  });

  it("does not call a first bar aligned within one bar of the start partial coverage", () => {
    const summary = {
      config: { start: 0, end: 10 * H, timeframe: "1h" },
      data: { first_ts: H - 1, last_ts: 10 * H },
    };
    expect(runWarnings(summary, { trade_count: 3 })).toEqual([]);
  });
});
