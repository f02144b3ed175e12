import { describe, expect, it } from "vitest";
import { finiteOrNull } from "./finite-or-null.js";

describe("finiteOrNull", () => {
  it("keeps finite numbers, including 0 and negatives", () => {
    expect(finiteOrNull(0)).toBe(0);
    expect(finiteOrNull(-1.5)).toBe(-1.5);
  });

  it("turns NaN and both infinities into null", () => {
    expect(finiteOrNull(Number.NaN)).toBeNull();
    expect(finiteOrNull(Number.POSITIVE_INFINITY)).toBeNull();
    expect(finiteOrNull(Number.NEGATIVE_INFINITY)).toBeNull();
  });
});
