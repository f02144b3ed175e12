/**
 * @module validation/test-support/numpy-random-state
 * numpy's legacy `RandomState(seed)` stream (MT19937 seeded with init_genrand, 53-bit doubles, Marsaglia polar
 * normals that return the second coordinate first), rebuilt so tests can regenerate the exact data behind values
 * published by Python libraries (e.g. arch's optimal block length test). Test-only: the studio's randomness is
 * `core/rng`. The known first draws of `RandomState(0).standard_normal()` pin it down.
 */
export class NumpyRandomState {
  private readonly mt = new Uint32Array(624);
  private index = 624;
  private gauss: number | undefined;

  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  private nextUint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % 624]! & 0x7fffffff);
      let v = mt[(i + 397) % 624]! ^ (y >>> 1);
      if (y & 1) v ^= 0x9908b0df;
      mt[i] = v >>> 0;
    }
    this.index = 0;
  }

  /** random_sample(): a double in [0, 1) from 53 bits. */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** standard_normal(): legacy polar method. */
  standardNormal(): number {
    if (this.gauss !== undefined) {
      const g = this.gauss;
      this.gauss = undefined;
      return g;
    }
    let x1 = 0;
    let x2 = 0;
    let r2 = 0;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    return f * x2;
  }
}
