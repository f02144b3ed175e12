import { describe, expect, it } from "vitest";
import { atLeastAsGood, strictlyBetter, tieTolerance } from "./at-least-as-good.js";
import { argmaxFirst } from "./objective.js";
import { probabilityOfBacktestOverfitting } from "./overfitting/probability-of-backtest-overfitting.js";
import { createBootstrapJob, summarizeBootstrap } from "./resampling/block-bootstrap.js";
import { createMonteCarloJob, summarizeMonteCarlo } from "./resampling/trade-monte-carlo.js";

const ULP1 = 2 ** -52;

describe("the tie rule", () => {
  it("uses tol = 1e-9 x max(1, |reference|): absolute near 0, relative for large values", () => {
    expect(tieTolerance(0)).toBe(1e-9);
    expect(tieTolerance(-0.5)).toBe(1e-9);
    expect(tieTolerance(-2000)).toBeCloseTo(2e-6, 20);
    expect(tieTolerance(Number.POSITIVE_INFINITY), "infinities tie only themselves").toBe(0);
  });

  it("counts values within rounding of the reference as at least as good, and not as better", () => {
    const o = 0.1 + 0.2;
    expect(atLeastAsGood(0.3, o), "0.3 ties 0.1 + 0.2 (4 ulps apart)").toBe(true);
    expect(strictlyBetter(0.3 + 1e-12, 0.3)).toBe(false);
    expect(atLeastAsGood(o - 2e-9, o)).toBe(false);
    expect(strictlyBetter(o + 2e-9, o)).toBe(true);
    expect(atLeastAsGood(Number.NaN, o)).toBe(false);
    expect(atLeastAsGood(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
    expect(strictlyBetter(-1e300, Number.NEGATIVE_INFINITY)).toBe(true);
  });
});

describe("every count the validation makes uses the tie rule", () => {
  it("bootstrap: a total return of -1 ulp is not a loss", () => {
    const job = createBootstrapJob(
      { n: 3, block_size: 1, method: "circular", confidence: 0.9 },
      Float64Array.from([0.01, -0.01, 0.02]),
      1,
    );
    const s = summarizeBootstrap(job, Float64Array.from([-ULP1 * 1e-3, 0, -0.05]));
    expect(s.prob_loss, "only -0.05 is a loss").toBeCloseTo(1 / 3, 15);
  });

  it("trade Monte Carlo: a final equity one ulp below the initial equity is not a loss", () => {
    const job = createMonteCarloJob(3, Float64Array.from([0.1, -1 / 11]), 10_000, 1);
    const below = 10_000 * (1 - ULP1);
    const finals = Float64Array.from([below, 12_100, 8_264]);
    const s = summarizeMonteCarlo(job, finals, new Float64Array(3), new Float64Array(6));
    expect(s.prob_loss, "only 8,264 is a loss").toBeCloseTo(1 / 3, 15);
  });

  it("argmax: a later trial has to beat the first by more than rounding", () => {
    expect(argmaxFirst([1.5, 1.5 * (1 + 4 * ULP1), 1.4])).toBe(0);
    expect(argmaxFirst([1.5, 1.5 + 1e-6])).toBe(1);
    expect(argmaxFirst([Number.NaN, -3])).toBe(1);
  });

  it("PBO: trials that tie up to rounding share the in-sample win (first) and the OOS rank (average)", () => {
    // S = 2, one row per block. Trial 1 equals trial 0 up to a few ulps in both blocks; trial 2 is worse in
    // block 0 and better in block 1. Split {0}: IS tie -> trial 0; OOS block 1: trial 0 ties trial 1 below
    // trial 2 -> rank 1.5 of 3 -> ω = 1.5/4. Split {1}: trial 2 wins; OOS block 0: rank 1 -> ω = 1/4.
    const t0 = 0.1 + 0.2;
    const cols = [Float64Array.from([t0, t0]), Float64Array.from([0.3, 0.3]), Float64Array.from([0.1, 0.5])];
    const res = probabilityOfBacktestOverfitting(cols, { partitions: 2, metric: "mean" });
    expect(Array.from(res.logits)).toEqual([Math.log(1.5 / 2.5), Math.log(1 / 3)]);
  });
});
