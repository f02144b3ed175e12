import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../test-support/numpy-random-state.js";
import {
  bootstrapReplicate,
  bootstrapResample,
  createBootstrapJob,
  createBootstrapScratch,
  summarizeBootstrap,
} from "./block-bootstrap.js";
import { optimalBlockLength } from "./optimal-block-length.js";
import type { UniformSource } from "./uniform.js";

const returns = Float64Array.from([0.1, -0.05, 0.02, 0.03]);

function ints(values: number[]): UniformSource {
  return {
    int: () => values.shift()!,
    next: () => {
      throw new Error("the circular bootstrap draws no uniforms");
    },
  };
}

describe("block bootstrap", () => {
  it("compounds the returns of the resampled indices", () => {
    const job = createBootstrapJob({ n: 1, block_size: 3, method: "circular", confidence: 0.9 }, returns, 1);
    // T = 4, b = 3: starts 2, 3 -> [2, 3, 0] + [3] -> 1.02 · 1.03 · 1.1 · 1.03 - 1
    const r = bootstrapResample(job, ints([2, 3]), createBootstrapScratch(job));
    expect(r).toBeCloseTo(1.02 * 1.03 * 1.1 * 1.03 - 1, 14);
  });

  it("summarizes with type-7 percentile bounds at (1 - c)/2 and P(return < 0)", () => {
    const job = createBootstrapJob({ n: 5, block_size: 2, method: "circular", confidence: 0.5 }, returns, 1);
    const stats = Float64Array.from([0.3, -0.1, 0.0, 0.2, 0.1]);
    const s = summarizeBootstrap(job, stats);
    // sorted [-0.1, 0, 0.1, 0.2, 0.3]; α = 0.25 -> h = 1 -> 0; 0.75 -> h = 3 -> 0.2
    expect(s.return_ci).toEqual({ lower: 0, upper: 0.2 });
    expect(s.prob_loss, "only -0.1 is a loss; 0 is not").toBe(0.2);
    expect(s.observed_return).toBeCloseTo(1.1 * 0.95 * 1.02 * 1.03 - 1, 14);
    expect(s).toMatchObject({ n: 5, block_size: 2, block_size_source: "fixed", method: "circular", bars: 4 });
  });

  it("takes ceil of Politis-White's circular length for auto, the real stationary length, and caps at T", () => {
    const rs = new NumpyRandomState(2);
    const y = new Float64Array(500);
    for (let i = 1; i < 500; i++) y[i] = 0.4 * y[i - 1]! + 0.01 * rs.standardNormal();
    const opt = optimalBlockLength(y);
    const auto = { n: 1, block_size: "auto" as const, confidence: 0.95 };
    expect(createBootstrapJob({ ...auto, method: "circular" }, y, 1).blockSize).toBe(Math.ceil(opt.circular));
    expect(createBootstrapJob({ ...auto, method: "stationary" }, y, 1).blockSize).toBe(opt.stationary);
    expect(createBootstrapJob({ ...auto, block_size: 9, method: "circular" }, returns, 1).blockSize).toBe(4);
  });

  it("gives replication i the same value whenever it is computed", () => {
    const job = createBootstrapJob(
      { n: 10, block_size: 2, method: "stationary", confidence: 0.95 },
      returns,
      5,
    );
    const scratch = createBootstrapScratch(job);
    const forward = [0, 1, 2, 3].map((i) => bootstrapReplicate(i, job, scratch));
    const backward = [3, 2, 1, 0].map((i) => bootstrapReplicate(i, job, scratch)).reverse();
    expect(backward).toEqual(forward);
  });
});
