import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import {
  barsSince,
  crossAbove,
  crossBelow,
  prevCondition,
  prevNumber,
  rollingExtreme,
} from "./window-ops.js";

const N = Number.NaN;

/** Random values with repeats and NaN runs, so ties and gaps are exercised. */
function noisy(n: number, seed: number): Float64Array {
  const rng = Rng.fromSeed(seed);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const u = rng.next();
    out[t] = u < 0.08 ? N : Math.floor(u * 10);
  }
  return out;
}

describe("crossAbove / crossBelow", () => {
  it("needs a strictly below then strictly above (and the mirror), never at bar 0 or through NaN", () => {
    const a = Float64Array.from([3, 1, 3, 2, 3, N, 3, 1, 2]);
    const b = Float64Array.from([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const up = new Uint8Array(a.length);
    const down = new Uint8Array(a.length);
    crossAbove(a, b, up);
    crossBelow(a, b, down);
    // t=2: 1<2 then 3>2. t=3 touches 2 and t=4 starts from the touch: no cross. t=6 follows a NaN.
    expect(Array.from(up), "bullish crosses").toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(down), "bearish crosses").toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0]);
    const level = new Uint8Array(a.length);
    crossAbove(a, 2, level);
    expect(Array.from(level), "a constant level gives the same as a flat column").toEqual(Array.from(up));
    crossBelow(a, 2, level);
    expect(Array.from(level), "same for crossBelow").toEqual(Array.from(down));
  });
});

describe("rollingExtreme", () => {
  it("equals a naive max/min over the last n values, NaN until n values and while one is NaN", () => {
    const x = noisy(500, 11);
    for (const window of [1, 2, 3, 7, 40]) {
      for (const wantMax of [true, false]) {
        const out = new Float64Array(x.length);
        rollingExtreme(x, window, wantMax, out);
        for (let t = 0; t < x.length; t++) {
          let want = t < window - 1 ? N : wantMax ? -Infinity : Infinity;
          for (let j = t - window + 1; j <= t && t >= window - 1; j++) {
            want = Number.isNaN(x[j]!) ? N : wantMax ? Math.max(want, x[j]!) : Math.min(want, x[j]!);
          }
          if (!Object.is(out[t], want))
            expect.fail(`window ${window} max=${wantMax} at ${t}: ${out[t]} vs ${want}`);
        }
      }
    }
  });
});

describe("barsSince", () => {
  it("counts bars since the condition was last true, 0 on a true bar, NaN before the first", () => {
    const out = new Float64Array(7);
    barsSince(Uint8Array.from([0, 0, 1, 0, 0, 1, 0]), out);
    expect(Array.from(out), "bars since").toEqual([N, N, 0, 1, 2, 0, 1]);
  });
});

describe("prev", () => {
  it("shifts a number column k bars later, NaN in front", () => {
    const out = new Float64Array(5);
    prevNumber(Float64Array.from([1, 2, 3, 4, 5]), 2, out);
    expect(Array.from(out), "k=2").toEqual([N, N, 1, 2, 3]);
    prevNumber(Float64Array.from([1, 2, 3, 4, 5]), 9, out);
    expect(Array.from(out), "k beyond the series").toEqual([N, N, N, N, N]);
  });

  it("shifts a condition k bars later, false in front", () => {
    const out = new Uint8Array(4);
    prevCondition(Uint8Array.from([1, 1, 0, 1]), 1, out);
    expect(Array.from(out), "k=1").toEqual([0, 1, 1, 0]);
  });
});
