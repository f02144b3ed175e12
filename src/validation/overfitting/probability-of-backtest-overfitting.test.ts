import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";
import { atLeastAsGood, strictlyBetter } from "../at-least-as-good.js";
import { forEachCombination } from "./combinations.js";
import { mergeBlockSums, trialBlockSums } from "./cscv-blocks.js";
import {
  cscvLayout,
  pboFromParts,
  pboPartFromSums,
  probabilityOfBacktestOverfitting,
  probabilityOfBacktestOverfittingFromSums,
} from "./probability-of-backtest-overfitting.js";

const f = (xs: number[]) => Float64Array.from(xs);

describe("probabilityOfBacktestOverfitting", () => {
  it("is 1 with every logit worked by hand for two mirror-image trials (S = 4, metric mean)", () => {
    // One row per block. A = [1,2,3,4] - 2.6, B = [4,3,2,1] - 2.6. Splits in order {01,02,03,12,13,23}:
    // IS means (A, B): 01 (-1.1, 0.9) -> B; 02 (-0.6, 0.4) -> B; 03 (-0.1, -0.1) tie -> A; 12 tie -> A; 13 -> A; 23 -> A.
    // OOS of the winner: ranks 1, 1, 1.5 (tie), 1.5, 1, 1 of 2 -> ω = 1/3 or 1/2 -> λ = ln(1/2) or 0.
    const a = f([1, 2, 3, 4].map((x) => x - 2.6));
    const b = f([4, 3, 2, 1].map((x) => x - 2.6));
    const res = probabilityOfBacktestOverfitting([a, b], { partitions: 4, metric: "mean" });
    expect(res.combinations).toBe(6);
    const ln2 = Math.log(0.5);
    [ln2, ln2, 0, 0, ln2, ln2].forEach((l, k) => {
      expect(res.logits[k], `logit of split ${k}`).toBeCloseTo(l, 14);
    });
    expect(res.pbo, "λ <= 0 everywhere, ties at the median included").toBe(1);
    // OOS of the winner: 01 -> B over {2,3} = -1.1; 02 -> B over {1,3} = -0.6; 03 -> A over {1,2} = -0.1; ...
    expect(Array.from(res.oosPerformance, (v) => +v.toFixed(12))).toEqual([
      -1.1, -0.6, -0.1, -0.1, -0.6, -1.1,
    ]);
    expect(res.probOosLoss).toBe(1);
    // R̄[n*] = -0.2 - R[n*] exactly: slope -1, intercept -0.2.
    expect(res.performanceDegradation?.slope).toBeCloseTo(-1, 12);
    expect(res.performanceDegradation?.intercept).toBeCloseTo(-0.2, 12);
  });

  it("is 0 with logits ln(N) when one trial is best in every block (metric sharpe)", () => {
    // Trial 2 has the highest mean and lowest spread in every block; S = 4, two rows per block.
    const cols = [
      f([0, 0.02, -0.01, 0.01, 0, 0.02, -0.01, 0.01]),
      f([0.01, -0.01, 0.0, 0.01, 0.01, -0.01, 0.0, 0.01]),
      f([0.03, 0.031, 0.03, 0.031, 0.03, 0.031, 0.03, 0.031]),
    ];
    const res = probabilityOfBacktestOverfitting(cols, { partitions: 4 });
    expect(res.pbo).toBe(0);
    expect(res.probOosLoss).toBe(0);
    for (const l of res.logits) expect(l, "ω = N / (N + 1)").toBeCloseTo(Math.log(3), 14);
  });

  it("ranks OOS ties at their average: a winner tied with everyone sits at the median (λ = 0, counted overfit)", () => {
    // S = 2: split {0}: trial 0 wins block 0, block 1 is all equal -> rank 2 of 3 -> λ = 0.
    // Split {1}: all tie in block 1 -> trial 0 (first) -> block 0 rank 3 of 3 -> ω = 3/4 -> λ = ln 3.
    const cols = [f([5, 1]), f([2, 1]), f([3, 1])];
    const res = probabilityOfBacktestOverfitting(cols, { partitions: 2, metric: "mean" });
    expect(Array.from(res.logits)).toEqual([0, Math.log(3)]);
    expect(res.pbo).toBe(0.5);
  });

  it("drops the first T mod S rows", () => {
    // T = 5, S = 2: row 0 is dropped. Had it been kept, trial 1's huge first value would win block 0.
    const cols = [f([0, 2, 2, 1, 1]), f([100, 1, 1, 2, 2])];
    const res = probabilityOfBacktestOverfitting(cols, { partitions: 2, metric: "mean" });
    expect(res.rowsDropped).toBe(1);
    // Blocks {1,2}, {3,4}: trial 0 wins block 0 and loses block 1 and vice versa -> both splits overfit.
    expect(res.pbo).toBe(1);
    expect(Array.from(res.isPerformance)).toEqual([2, 2]);
  });

  it("calls a custom metric with the IS then OOS rows concatenated in time order, and agrees with the built-in", () => {
    const a = f([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = f([8, 7, 6, 5, 4, 3, 2, 1]);
    const calls: number[][] = [];
    const mean = (r: Float64Array) => {
      calls.push(Array.from(r));
      return r.reduce((x, y) => x + y, 0) / r.length;
    };
    const custom = probabilityOfBacktestOverfitting([a, b], { partitions: 4, metric: mean });
    const builtin = probabilityOfBacktestOverfitting([a, b], { partitions: 4, metric: "mean" });
    expect(calls.slice(0, 4), "split {0,1}: IS of A, IS of B, then OOS blocks {2,3}").toEqual([
      [1, 2, 3, 4],
      [8, 7, 6, 5],
      [5, 6, 7, 8],
      [4, 3, 2, 1],
    ]);
    expect(Array.from(custom.logits)).toEqual(Array.from(builtin.logits));
    expect(custom.pbo).toBe(builtin.pbo);
  });

  it("ranks NaN metric values below every number", () => {
    const res = probabilityOfBacktestOverfitting([f([1, 2]), f([3, 4])], {
      partitions: 2,
      metric: (r) => (r[0] === 3 ? Number.NaN : r[0]!),
    });
    // Split {0}: trial 1 is NaN -> trial 0 wins; OOS block 1: trial 0 = 2, trial 1 = 4 -> rank 1 -> λ = ln(1/2).
    expect(res.logits[0]).toBeCloseTo(Math.log(0.5), 14);
  });

  it("rejects an odd S, fewer than 2 trials, unequal lengths and fewer rows than blocks", () => {
    expect(() => probabilityOfBacktestOverfitting([f([1]), f([2])], { partitions: 3 })).toThrow(/even/);
    expect(() => probabilityOfBacktestOverfitting([f([1, 2])], { partitions: 2 })).toThrow(/>= 2 trials/);
    expect(() => probabilityOfBacktestOverfitting([f([1, 2]), f([1])], { partitions: 2 })).toThrow(/length/);
    expect(() => probabilityOfBacktestOverfitting([f([1]), f([2])], { partitions: 2 })).toThrow(
      /cannot fill/,
    );
  });

  it("gives the same result from per-trial block sums as from the whole matrix", () => {
    const rng = Rng.fromSeed(5);
    const t = 203; // not a multiple of S: the first 203 mod 8 rows are dropped on both paths
    const columns = Array.from({ length: 6 }, (_, j) =>
      Float64Array.from({ length: t }, () => rng.normal() * 0.01 + j * 1e-4),
    );
    for (const metric of ["sharpe", "mean"] as const) {
      const whole = probabilityOfBacktestOverfitting(columns, { partitions: 8, metric });
      const sums = columns.map((c) => trialBlockSums(c, cscvLayout(t, 8)));
      const split = probabilityOfBacktestOverfittingFromSums(sums, { partitions: 8, metric, rows: t });
      expect(split.pbo, `${metric}: same PBO`).toBe(whole.pbo);
      expect(Array.from(split.logits), `${metric}: same logits, bit for bit`).toEqual(
        Array.from(whole.logits),
      );
      expect(split.rowsDropped).toBe(203 % 8);
    }
  });

  it("computes every split's metrics as that split's block sums added in block order, whatever split came before", () => {
    // Reference: each split on its own, summing its blocks from zero (no reuse of a previous split's sums), and
    // the ranking written with the tie rule's functions. Flat trials (Sharpe 0), a riskless one (+Infinity) and
    // exact duplicates (ties) are in the mix; S = 16 makes prefixes long enough to be reused.
    const rng = Rng.fromSeed(11);
    const t = 16 * 9 + 5;
    const columns = Array.from({ length: 12 }, (_, j) =>
      j === 3
        ? new Float64Array(t)
        : j === 7
          ? new Float64Array(t).fill(0.002)
          : Float64Array.from({ length: t }, () => rng.normal() * 0.01),
    );
    columns.push(columns[5]!.slice(), columns[9]!.slice());
    for (const metric of ["sharpe", "mean"] as const) {
      const sums = columns.map((c) => trialBlockSums(c, cscvLayout(t, 16)));
      const got = probabilityOfBacktestOverfittingFromSums(sums, { partitions: 16, metric, rows: t });
      const want = referenceSplits(sums, 16, 9, metric);
      let bad = -1;
      for (let c = 0; c < want.logits.length && bad < 0; c++) {
        if (
          !Object.is(got.logits[c], want.logits[c]) ||
          !Object.is(got.isPerformance[c], want.is[c]) ||
          !Object.is(got.oosPerformance[c], want.oos[c])
        )
          bad = c;
      }
      expect(bad, `${metric}: split ${bad} differs from summing its blocks from scratch`).toBe(-1);
      expect(got.pbo).toBe(want.overfit / want.logits.length);
    }
  });

  it("gives the same bits from the splits cut into parts (as threads compute them) as from one part", () => {
    const rng = Rng.fromSeed(3);
    const t = 8 * 20 + 3;
    const trials = Array.from({ length: 9 }, () =>
      trialBlockSums(
        Float64Array.from({ length: t }, () => rng.normal() * 0.01),
        cscvLayout(t, 8),
      ),
    );
    const options = { partitions: 8, metric: "sharpe", rows: t } as const;
    const whole = probabilityOfBacktestOverfittingFromSums(trials, options);
    const sums = mergeBlockSums(trials, 8);
    for (const parts of [2, 3, 7, 35]) {
      const cut = Array.from({ length: parts }, (_, p) => pboPartFromSums(sums, options, p, parts));
      const joined = pboFromParts(cut.reverse(), options);
      expect(joined.pbo, `${parts} parts`).toBe(whole.pbo);
      expect(joined.probOosLoss, `${parts} parts`).toBe(whole.probOosLoss);
      expect(Array.from(joined.logits), `${parts} parts: every logit`).toEqual(Array.from(whole.logits));
      expect(joined.performanceDegradation).toEqual(whole.performanceDegradation);
    }
    expect(() => pboFromParts([pboPartFromSums(sums, options, 0, 2)], options)).toThrow(/34 of 70/);
  });
});

/** Each CSCV split computed from scratch: the metric per trial over its IS and OOS blocks, then λ. */
function referenceSplits(
  trials: ReturnType<typeof trialBlockSums>[],
  s: number,
  rows: number,
  metric: "sharpe" | "mean",
) {
  const n = trials.length;
  const sums = mergeBlockSums(trials, s);
  const value = (blocks: number[], j: number) => {
    let s1 = 0;
    let s2 = 0;
    for (const b of blocks) {
      s1 += sums.sum[b * n + j]!;
      s2 += sums.sumSq[b * n + j]!;
    }
    const m = blocks.length * rows;
    const mu = sums.shift[j]! + s1 / m;
    if (metric === "mean") return mu;
    const variance = Math.max(0, (s2 - (s1 * s1) / m) / (m - 1));
    if (variance <= 1e-24 * mu * mu) return mu === 0 ? 0 : mu > 0 ? Infinity : -Infinity;
    return mu / Math.sqrt(variance);
  };
  const logits: number[] = [];
  const is: number[] = [];
  const oos: number[] = [];
  let overfit = 0;
  forEachCombination(s, s / 2, (chosen) => {
    const inSet = Array.from(chosen);
    const outSet = Array.from({ length: s }, (_, b) => b).filter((b) => !inSet.includes(b));
    const r = Array.from({ length: n }, (_, j) => value(inSet, j));
    const rBar = Array.from({ length: n }, (_, j) => value(outSet, j));
    let best = 0;
    for (let i = 1; i < n; i++) if (strictlyBetter(r[i]!, r[best]!)) best = i;
    const v = rBar[best]!;
    let less = 0;
    let equal = 0;
    for (const x of rBar) {
      if (!atLeastAsGood(x, v)) less++;
      else if (!strictlyBetter(x, v)) equal++;
    }
    const omega = (less + (equal + 1) / 2) / (n + 1);
    const lambda = Math.log(omega / (1 - omega));
    logits.push(lambda);
    is.push(r[best]!);
    oos.push(v);
    if (lambda <= 0) overfit++;
  });
  return { logits, is, oos, overfit };
}
