import { describe, expect, it } from "vitest";
import { Rng } from "./rng.js";

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe("Rng", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    expect(draws(Rng.fromSeed(7), 5)).toEqual(draws(Rng.fromSeed(7), 5));
    expect(draws(Rng.fromSeed(7), 5), "seeds 7 and 8 must not collide").not.toEqual(
      draws(Rng.fromSeed(8), 5),
    );
  });

  it("derives child streams from the key, not from how much the parent has drawn", () => {
    const a = Rng.fromSeed(1);
    const b = Rng.fromSeed(1);
    draws(b, 1000);
    expect(draws(a.derive(3), 4), "child 3 is a function of (seed, 3) only").toEqual(draws(b.derive(3), 4));
    expect(draws(a.derive(3), 4)).not.toEqual(draws(a.derive(4), 4));
    expect(a.derive(3).derive(1).key).toEqual([1, 3, 1]);
  });

  it("follows the xoshiro128** recurrence from its SplitMix32-seeded state", () => {
    // Independent re-implementation of one xoshiro128** step with BigInt-free 32-bit arithmetic on a known state,
    // compared with the class run from the same state (state injected through the private fields).
    const rng = Rng.fromSeed(0) as unknown as {
      s0: number;
      s1: number;
      s2: number;
      s3: number;
      nextUint32(): number;
    };
    rng.s0 = 1;
    rng.s1 = 2;
    rng.s2 = 3;
    rng.s3 = 4;
    // xoshiro128**: result = rotl(s1 * 5, 7) * 9 = rotl(10, 7) * 9 = 1280 * 9 = 11520.
    expect(rng.nextUint32()).toBe(11520);
    // Next state: t = s1<<9 = 1024; s2 ^= s0 -> 2; s3 ^= s1 -> 6; s1 ^= s2 -> 0; s0 ^= s3 -> 7; s2 ^= t -> 1026;
    // s3 = rotl(6, 11) = 12288. Second result = rotl(0 * 5, 7) * 9 = 0.
    expect([rng.s0, rng.s1, rng.s2, rng.s3]).toEqual([7, 0, 1026, 12288]);
    expect(rng.nextUint32()).toBe(0);
  });

  it("draws uniform doubles in [0, 1) and unbiased integers", () => {
    const rng = Rng.fromSeed(123);
    const counts = new Array(6).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 60_000; i++) {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      counts[rng.int(6)]++;
    }
    expect(min >= 0 && max < 1, "next() stays in [0, 1)").toBe(true);
    for (const c of counts)
      expect(Math.abs(c - 10_000), "each face near 10,000 (5 sigma = 456)").toBeLessThan(456);
  });

  it("draws standard normals with mean 0 and variance 1", () => {
    const rng = Rng.fromSeed(5);
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n), "mean within 5 standard errors").toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1), "variance within 5 standard errors (sd of z^2 is sqrt 2)").toBeLessThan(
      (5 * Math.SQRT2) / Math.sqrt(n),
    );
  });

  it("permutes every index exactly once", () => {
    const p = Rng.fromSeed(9).permutation(1000);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
