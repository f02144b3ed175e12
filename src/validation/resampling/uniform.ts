/**
 * @module validation/resampling/uniform
 * Fast unbiased bounded integers on top of the studio's `Rng`, for the hot loops of resampling (a permutation
 * of 10,000 bars draws 20,000 of them). Lemire's multiply-shift method needs one 32-bit draw and, almost always,
 * no division; it is exact while x·n stays below 2^53, i.e. n <= 2^21, and larger bounds fall back to `Rng.int`.
 * The numbers differ from `Rng.int`'s for the same stream, which is fine: what matters is that replication i
 * always consumes its own stream the same way.
 * @see Lemire (2019), "Fast Random Integer Generation in an Interval", ACM TOMACS 29(1).
 */
import type { Rng } from "../../core/rng.js";

/** The draws resampling kernels consume; tests inject scripted ones. */
export interface UniformSource {
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform double in [0, 1). */
  next(): number;
}

const TWO_32 = 4294967296;
const LEMIRE_MAX = 2097152;

/** Uniform integer in [0, n), n >= 1, unbiased. */
export function uniformInt(rng: Rng, n: number): number {
  if (n > LEMIRE_MAX) return rng.int(n);
  let m = rng.nextUint32() * n;
  let low = m >>> 0;
  if (low < n) {
    const threshold = (TWO_32 - n) % n;
    while (low < threshold) {
      m = rng.nextUint32() * n;
      low = m >>> 0;
    }
  }
  return Math.floor(m / TWO_32);
}

/** Fills `out` with a uniformly random permutation of 0..length-1 (Fisher-Yates from the end). */
export function shuffleIdentity(rng: Rng, out: Int32Array): void {
  const n = out.length;
  for (let k = 0; k < n; k++) out[k] = k;
  for (let i = n - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
}

/** A UniformSource reading from `rng`. */
export function uniformSource(rng: Rng): UniformSource {
  return { int: (n) => uniformInt(rng, n), next: () => rng.next() };
}
