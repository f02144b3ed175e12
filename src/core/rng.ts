/**
 * @module core/rng
 * The studio's only source of randomness: a seeded, splittable generator.
 *
 * Algorithm (recorded in validation results as {@link RNG_ALGORITHM}):
 * - The generator is **xoshiro128\*\*** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 *   2018): 128-bit state, 32-bit outputs, period 2^128 - 1.
 * - A generator is identified by a *key*: the root seed followed by a path of stream indices,
 *   e.g. `[seed]`, `[seed, 3]` (replication 3), `[seed, 3, 1]`. The key is absorbed into a 32-bit digest with the
 *   MurmurHash3 finalizer (`fmix32`), and the four state words are the next four outputs of **SplitMix32**
 *   started from that digest. `derive(i)` appends `i` to the key; it does not consume or depend on the parent's
 *   position, so replication `i` gets the same numbers whichever thread runs it and in whatever order.
 * - `next()` builds a double in [0, 1) from 53 random bits (two outputs); `int(n)` is unbiased by rejection.
 */

export const RNG_ALGORITHM = "xoshiro128** seeded by SplitMix32 over fmix32(key path)";

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function absorb(key: readonly number[]): number {
  let h = 0x2545f491;
  for (const part of key) {
    // Split into two 32-bit halves so keys above 2^32 stay distinct.
    const lo = part >>> 0;
    const hi = Math.floor(part / 4294967296) >>> 0;
    h = fmix32((h ^ fmix32((lo + 0x9e3779b9) >>> 0)) >>> 0);
    h = fmix32((h ^ fmix32((hi + 0x7f4a7c15) >>> 0)) >>> 0);
  }
  return h;
}

export class Rng {
  /** The key path that identifies this stream: `[seed, ...indices]`. */
  readonly key: readonly number[];
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = Number.NaN;

  private constructor(key: readonly number[]) {
    for (const part of key) {
      if (!Number.isSafeInteger(part) || part < 0)
        throw new RangeError(`rng key parts must be integers >= 0, got ${part}`);
    }
    this.key = key;
    let sm = absorb(key);
    const next = (): number => {
      sm = (sm + 0x9e3779b9) >>> 0;
      return fmix32(sm);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The root stream of a seed. */
  static fromSeed(seed: number): Rng {
    return new Rng([seed]);
  }

  /** An independent child stream: same key plus `index`. */
  derive(index: number): Rng {
    return new Rng([...this.key, index]);
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform integer in [0, n), unbiased (rejection sampling); n in [1, 2^32]. */
  int(n: number): number {
    if (!(n >= 1 && n <= 4294967296) || !Number.isInteger(n)) throw new RangeError(`rng.int: bad bound ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Standard normal draw (Marsaglia polar method; the second value is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Fisher-Yates shuffle of `values[from..]` in place. */
  shuffle<T extends { length: number; [i: number]: number }>(values: T, from = 0): T {
    for (let i = values.length - 1; i > from; i--) {
      const j = from + this.int(i - from + 1);
      const tmp = values[i]!;
      values[i] = values[j]!;
      values[j] = tmp;
    }
    return values;
  }

  /** A uniformly random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
