import { describe, expect, it } from "vitest";
import { NumpyRandomState } from "../test-support/numpy-random-state.js";
import { optimalBlockLength } from "./optimal-block-length.js";

describe("NumpyRandomState (test support)", () => {
  it("reproduces numpy's RandomState(0).standard_normal(4)", () => {
    const rs = new NumpyRandomState(0);
    const got = [rs.standardNormal(), rs.standardNormal(), rs.standardNormal(), rs.standardNormal()];
    // numpy: [1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458]
    expect(got[0]).toBeCloseTo(1.764052345967664, 14);
    expect(got[1]).toBeCloseTo(0.4001572083672233, 14);
    expect(got[2]).toBeCloseTo(0.9787379841057392, 14);
    expect(got[3]).toBeCloseTo(2.240893199201458, 14);
  });
});

describe("optimalBlockLength", () => {
  it("reproduces arch's published test (test_block_length.py): AR(1) 0.3, stationary 13.635665, circular 15.60894", () => {
    // arch: e = RandomState(0).standard_normal(10100); y[i] = 0.3 y[i-1] + e[i]; the series is y[100:].
    const rs = new NumpyRandomState(0);
    const y = new Float64Array(10100);
    for (let i = 0; i < y.length; i++) y[i] = rs.standardNormal();
    for (let i = 1; i < y.length; i++) y[i] = 0.3 * y[i - 1]! + y[i]!;
    const { stationary, circular } = optimalBlockLength(y.subarray(100));
    expect(Math.abs(stationary / 13.635665 - 1), `stationary ${stationary}`).toBeLessThan(1e-4);
    expect(Math.abs(circular / 15.60894 - 1), `circular ${circular}`).toBeLessThan(1e-4);
  });

  it("keeps the 2009 correction's ratio: circular / stationary = (2 / (4/3))^(1/3) below the cap", () => {
    const rs = new NumpyRandomState(7);
    const y = new Float64Array(2000);
    for (let i = 1; i < y.length; i++) y[i] = 0.5 * y[i - 1]! + rs.standardNormal();
    const { stationary, circular } = optimalBlockLength(y);
    expect(circular / stationary).toBeCloseTo(1.5 ** (1 / 3), 12);
  });

  it("caps at b_max = ceil(min(3 sqrt n, n / 3)) for a level shift in a short series", () => {
    const y = Float64Array.from({ length: 12 }, (_, i) => (i < 6 ? 0 : 1));
    const { stationary, circular } = optimalBlockLength(y);
    expect(circular, "ceil(min(10.4, 4)) = 4").toBe(4);
    expect(stationary).toBeLessThanOrEqual(4);
  });

  it("returns 1 for a constant series and rejects fewer than 2 values", () => {
    expect(optimalBlockLength(new Float64Array(50))).toEqual({ stationary: 1, circular: 1 });
    expect(() => optimalBlockLength([1])).toThrow(/>= 2 returns/);
  });
});
