import { describe, expect, it } from "vitest";
import { circularBlockIndices, stationaryBlockIndices } from "./block-indices.js";
import type { UniformSource } from "./uniform.js";

/** Replays scripted draws and records the bounds asked for, failing loudly when the script runs out. */
function scripted(ints: number[], uniforms: number[] = []): UniformSource & { bounds: number[] } {
  const bounds: number[] = [];
  return {
    bounds,
    int(n) {
      bounds.push(n);
      const v = ints.shift();
      if (v === undefined) throw new Error("script ran out of ints");
      return v;
    },
    next() {
      const v = uniforms.shift();
      if (v === undefined) throw new Error("script ran out of uniforms");
      return v;
    },
  };
}

describe("circularBlockIndices", () => {
  it("wraps blocks around the end and truncates the last block to T", () => {
    // T = 7, b = 3: ceil(7/3) = 3 blocks starting at 5, 0, 6 -> [5,6,0] [0,1,2] [6 | 0,1 truncated]
    const out = new Int32Array(7);
    const src = scripted([5, 0, 6]);
    circularBlockIndices(3, src, out);
    expect(Array.from(out)).toEqual([5, 6, 0, 0, 1, 2, 6]);
    expect(src.bounds, "every start is drawn from U{0..T-1}").toEqual([7, 7, 7]);
  });

  it("is the iid bootstrap for b = 1 and one wrapped block for b = T", () => {
    const iid = new Int32Array(4);
    circularBlockIndices(1, scripted([3, 3, 0, 2]), iid);
    expect(Array.from(iid)).toEqual([3, 3, 0, 2]);
    const whole = new Int32Array(4);
    circularBlockIndices(4, scripted([2]), whole);
    expect(Array.from(whole)).toEqual([2, 3, 0, 1]);
  });
});

describe("stationaryBlockIndices", () => {
  it("continues the block when u >= p and starts a new one when u < p, wrapping mod T", () => {
    // T = 6, b = 4 -> p = 0.25. Start 4; u = 0.9 continue (5); 0.5 continue (0, wrap); 0.1 new block at 2;
    // 0.25 is not < p: continue (3); 0.3 continue (4).
    const out = new Int32Array(6);
    const src = scripted([4, 2], [0.9, 0.5, 0.1, 0.25, 0.3]);
    stationaryBlockIndices(4, src, out);
    expect(Array.from(out)).toEqual([4, 5, 0, 2, 3, 4]);
    expect(src.bounds).toEqual([6, 6]);
  });

  it("accepts a non-integer expected length: p = 1 / 2.5 = 0.4", () => {
    const out = new Int32Array(3);
    stationaryBlockIndices(2.5, scripted([0, 1], [0.39, 0.41]), out);
    expect(Array.from(out), "0.39 < 0.4 starts a block, 0.41 continues").toEqual([0, 1, 2]);
  });
});
