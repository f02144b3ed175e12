import { describe, expect, it } from "vitest";
import { type ArithOp, and, arith, type CompareOp, compare, negate, not, or } from "./column-ops.js";

const N = Number.NaN;
const a = Float64Array.from([1, 2, 3, N, -4, 0, 2.5]);
const b = Float64Array.from([3, 2, 1, 5, N, 0, -2.5]);

const REFERENCE: Record<ArithOp, (x: number, y: number) => number> = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "*": (x, y) => x * y,
  "/": (x, y) => x / y,
};
/** Every comparison with a NaN is false, `!=` included. */
const COMPARE: Record<CompareOp, (x: number, y: number) => boolean> = {
  "<": (x, y) => x < y,
  "<=": (x, y) => x <= y,
  ">": (x, y) => x > y,
  ">=": (x, y) => x >= y,
  "==": (x, y) => x === y,
  "!=": (x, y) => !Number.isNaN(x) && !Number.isNaN(y) && x !== y,
};

const at = (v: Float64Array | number, i: number) => (typeof v === "number" ? v : v[i]!);

describe("column operators", () => {
  for (const op of Object.keys(REFERENCE) as ArithOp[]) {
    it(`${op} matches the scalar operator for column-column, column-constant and constant-column`, () => {
      for (const [x, y] of [
        [a, b],
        [a, 2],
        [-3, b],
      ] as const) {
        const out = new Float64Array(a.length);
        arith(op, x, y, out);
        for (let i = 0; i < out.length; i++) {
          const want = REFERENCE[op](at(x, i), at(y, i));
          if (!Object.is(out[i], want)) expect.fail(`${op} at ${i}: ${out[i]} vs ${want}`);
        }
      }
    });
  }

  for (const op of Object.keys(COMPARE) as CompareOp[]) {
    it(`${op} gives 1/0, false with NaN, with a constant on either side`, () => {
      for (const [x, y] of [
        [a, b],
        [a, 2],
        [2, b],
      ] as const) {
        const out = new Uint8Array(a.length);
        compare(op, x, y, out);
        for (let i = 0; i < out.length; i++) {
          const want = COMPARE[op](at(x, i), at(y, i)) ? 1 : 0;
          if (out[i] !== want) expect.fail(`${at(x, i)} ${op} ${at(y, i)} at ${i}: ${out[i]} vs ${want}`);
        }
      }
    });
  }

  it("negates, and combines conditions with and, or, not", () => {
    const neg = new Float64Array(3);
    negate(Float64Array.from([1, N, -0]), neg);
    expect(Array.from(neg), "negation").toEqual([-1, N, 0]);
    const p = Uint8Array.from([0, 0, 1, 1]);
    const q = Uint8Array.from([0, 1, 0, 1]);
    const out = new Uint8Array(4);
    and(p, q, out);
    expect(Array.from(out), "and").toEqual([0, 0, 0, 1]);
    or(p, q, out);
    expect(Array.from(out), "or").toEqual([0, 1, 1, 1]);
    not(p, out);
    expect(Array.from(out), "not").toEqual([1, 1, 0, 0]);
  });
});
