import { describe, expect, it } from "vitest";
import { momentumReplayer } from "../test-support/momentum-replayer.js";
import { randomCandles } from "../test-support/random-candles.js";
import {
  createPermutationJob,
  createPermutationScratch,
  permutationReplicate,
  summarizePermutation,
} from "./permutation-test.js";

describe("permutation test", () => {
  const candles = randomCandles(300, 21);
  const replayer = momentumReplayer();
  const params = { lookback: 5 };
  const real = replayer.run(candles, params, 0);

  it("keeps the strategy's warm-up bars real: start_index = warmupBars(params)", () => {
    const job = createPermutationJob(10, candles, params, replayer, real.equity, 1);
    expect(job.base.startIndex).toBe(5);
    expect(job.observed).toBeCloseTo(real.equity[299]! / 10_000 - 1, 15);
  });

  it("computes p = (1 + #{permuted >= observed}) / (n + 1), ties counting against the strategy", () => {
    const job = createPermutationJob(4, candles, params, replayer, real.equity, 1);
    const o = job.observed;
    // 99 permutations with 4 at or above the observed value give Masters' example p = 5/100.
    const stats = Float64Array.from({ length: 99 }, (_, i) => (i < 3 ? o + 0.1 : i === 3 ? o : o - 0.1));
    const s = summarizePermutation({ ...job, n: 99 }, stats);
    expect(s.p_value).toBe(0.05);
    expect(s.count_at_least_observed, "the tie at exactly the observed value counts").toBe(4);
    expect(summarizePermutation(job, Float64Array.from([o - 1, o - 2])).p_value, "never 0: 1/(n+1)").toBe(
      1 / 3,
    );
  });

  it("re-runs the replayer once per replication, on a permuted series with the same params", () => {
    const job = createPermutationJob(3, candles, params, replayer, real.equity, 9);
    const scratch = createPermutationScratch(job);
    const before = replayer.runs;
    const stats = Float64Array.from([0, 1, 2], (i) => permutationReplicate(i, job, scratch));
    expect(replayer.runs - before).toBe(3);
    expect(new Set(stats).size, "different permutations give different returns").toBe(3);
    const again = createPermutationScratch(job);
    expect(permutationReplicate(1, job, again), "replication 1 is the same on a fresh thread").toBe(stats[1]);
  });

  it("summarizes p5/p50/p95 and the mean of the permuted returns", () => {
    const job = createPermutationJob(5, candles, params, replayer, real.equity, 1);
    const s = summarizePermutation(job, Float64Array.from([0.5, -0.1, 0.1, 0, 0.3]));
    expect(s.distribution_summary.p50).toBe(0.1);
    expect(s.distribution_summary.p5).toBeCloseTo(-0.1 + 0.2 * 0.1, 15);
    expect(s.distribution_summary.p95).toBeCloseTo(0.3 + 0.8 * 0.2, 15);
    expect(s.mean_return).toBeCloseTo(0.16, 15);
    expect(s).toMatchObject({ n: 5, start_index: 5, statistic: "total_return" });
  });

  it("rejects a series with fewer than 2 bars after the warm-up", () => {
    expect(() => createPermutationJob(5, randomCandles(7, 1), params, replayer, real.equity, 1)).toThrow(
      /nothing to permute/,
    );
  });
});
