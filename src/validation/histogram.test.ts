import { describe, expect, it } from "vitest";
import { HISTOGRAM_BINS, histogram } from "./histogram.js";
import { createBootstrapJob, summarizeBootstrap } from "./resampling/block-bootstrap.js";
import { createPermutationJob, summarizePermutation } from "./resampling/permutation-test.js";
import { momentumReplayer } from "./test-support/momentum-replayer.js";
import { randomCandles } from "./test-support/random-candles.js";

describe("histogram", () => {
  it("bins [-1, 1] into 4 half-open bins, an inner edge going up and the maximum into the last bin", () => {
    // Edges -1, -0.5, 0, 0.5, 1 (exact in binary). By hand:
    // [-1, -0.5): -1, -0.75          -> 2
    // [-0.5, 0):  -0.5 (edge), -0.25 -> 2
    // [0, 0.5):   0 (edge), 0, 0.1   -> 3
    // [0.5, 1]:   0.5 (edge), 1, 1   -> 3 (the maximum closes the last bin)
    const v = [1, -0.25, 0, 0.5, -1, 0.1, -0.5, 1, 0, -0.75];
    expect(histogram(v, 4)).toEqual({ min: -1, max: 1, counts: [2, 2, 3, 3], non_finite: 0 });
  });

  it("uses HISTOGRAM_BINS bins by default: 0..20 puts one value in each bin and 19 and 20 in the last", () => {
    const v = Array.from({ length: 21 }, (_, i) => i);
    const h = histogram(v)!;
    expect(HISTOGRAM_BINS).toBe(20);
    expect(h.counts).toEqual([...Array(19).fill(1), 2]);
  });

  it("leaves NaN and infinities out and counts them; all of them non-finite gives null", () => {
    const h = histogram([Number.NaN, 2, Number.POSITIVE_INFINITY, 4, 3], 2)!;
    // [2, 3): 2; [3, 4]: 3, 4.
    expect(h).toEqual({ min: 2, max: 4, counts: [1, 2], non_finite: 2 });
    expect(histogram([Number.NaN, Number.NEGATIVE_INFINITY])).toBeNull();
    expect(histogram([])).toBeNull();
  });

  it("draws a constant distribution as one bin holding every value", () => {
    expect(histogram([0.3, 0.3, 0.3])).toEqual({ min: 0.3, max: 0.3, counts: [3], non_finite: 0 });
  });

  it("depends only on the values, not their order (any split over threads gives the same bins)", () => {
    const v = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i * 12.9898) * 0.4);
    const reversed = Float64Array.from(v).reverse();
    expect(histogram(reversed)).toEqual(histogram(v));
    const h = histogram(v)!;
    expect(
      h.counts.reduce((a, b) => a + b, 0),
      "every value lands in a bin",
    ).toBe(500);
  });

  it("is stored in the permutation and bootstrap summaries, over the replications' statistics", () => {
    const candles = randomCandles(120, 3);
    const replayer = momentumReplayer();
    const real = replayer.run(candles, { lookback: 5 }, 0);
    const job = createPermutationJob(6, candles, { lookback: 5 }, replayer, real.equity, 1);
    const stats = Float64Array.from([0.1, -0.2, 0.3, 0.1, 0.05, -0.2]);
    expect(summarizePermutation(job, stats).histogram).toEqual(histogram(stats));
    const boot = createBootstrapJob(
      { n: 6, block_size: 2, method: "circular", confidence: 0.9 },
      Float64Array.from([0.01, -0.02, 0.03]),
      1,
    );
    expect(summarizeBootstrap(boot, stats).histogram).toEqual(histogram(stats));
  });
});
