import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";
import { shuffleIdentity, uniformInt } from "./uniform.js";

describe("uniformInt", () => {
  it("stays in [0, n) and hits every value for small and large bounds", () => {
    const rng = Rng.fromSeed(3);
    for (const n of [1, 2, 7, 1000, 3_000_000]) {
      const seen = new Set<number>();
      for (let k = 0; k < 20_000; k++) {
        const v = uniformInt(rng, n);
        if (!(Number.isInteger(v) && v >= 0 && v < n))
          expect.fail(`draw ${k} for n = ${n} is ${v}, outside [0, n)`);
        seen.add(v);
      }
      if (n <= 1000) expect(seen.size, `all ${n} values drawn`).toBe(n);
    }
  });

  it("is unbiased for a bound that does not divide 2^32: counts of 0..2 within 5 sd of 1/3", () => {
    // Binomial(30000, 1/3): mean 10000, sd 81.6.
    const rng = Rng.fromSeed(8);
    const counts = [0, 0, 0];
    for (let k = 0; k < 30_000; k++) counts[uniformInt(rng, 3)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(5 * 81.6);
  });
});

describe("shuffleIdentity", () => {
  it("writes a permutation of 0..n-1", () => {
    const out = new Int32Array(1000);
    shuffleIdentity(Rng.fromSeed(1), out);
    expect(Array.from(out).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("makes each of the 6 orders of 3 items about equally likely (5-sd band over 6000 streams)", () => {
    const counts = new Map<string, number>();
    const root = Rng.fromSeed(4);
    const out = new Int32Array(3);
    for (let r = 0; r < 6000; r++) {
      shuffleIdentity(root.derive(r), out);
      const key = out.join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Binomial(6000, 1/6): mean 1000, sd 28.9.
    for (const [key, c] of counts) expect(Math.abs(c - 1000), key).toBeLessThan(5 * 28.9);
  });
});
