import { describe, expect, it } from "vitest";
import { sortAndDedupe } from "./sort-dedupe.js";

function cols(ts: number[], close: number[] = ts) {
  const f = (v: number[]) => Float64Array.from(v);
  return { ts: f(ts), open: f(close), high: f(close), low: f(close), close: f(close), volume: f(close) };
}

describe("sortAndDedupe", () => {
  it("returns sorted unique input unchanged, without copying", () => {
    const input = cols([1, 2, 3]);
    const out = sortAndDedupe(input);
    expect(out.candles, "nothing to repair means the same arrays").toBe(input);
    expect(out.counts).toEqual({ duplicatesDropped: 0, conflictingDuplicates: 0, unsortedFixed: 0 });
  });

  it("sorts stably and keeps the last of equal timestamps in source order", () => {
    const out = sortAndDedupe(cols([3, 1, 3, 2, 1], [30, 10, 31, 20, 10]));
    expect(Array.from(out.candles.ts)).toEqual([1, 2, 3]);
    expect(Array.from(out.candles.close), "3 keeps its later value 31").toEqual([10, 20, 31]);
    expect(out.counts).toEqual({ duplicatesDropped: 2, conflictingDuplicates: 1, unsortedFixed: 3 });
    expect(out.conflicts).toEqual([{ ts: 3, dropped: 0, kept: 2 }]);
  });

  it("drops adjacent exact duplicates of sorted input without counting them as unsorted", () => {
    const out = sortAndDedupe(cols([1, 1, 2]));
    expect(Array.from(out.candles.ts)).toEqual([1, 2]);
    expect(out.counts).toEqual({ duplicatesDropped: 1, conflictingDuplicates: 0, unsortedFixed: 0 });
  });
});
