import { describe, expect, it } from "vitest";
import { defineLazy } from "./define-lazy.js";

describe("defineLazy", () => {
  it("computes a property on first access only, then returns the same value", () => {
    let calls = 0;
    const obj = defineLazy({ a: 1 }, { b: () => ++calls });
    expect(calls, "nothing computed before access").toBe(0);
    expect([obj.b, obj.b], "the first value, memoized").toEqual([1, 1]);
    expect(calls).toBe(1);
  });

  it("makes the property an ordinary enumerable value to spreads and JSON", () => {
    const obj = defineLazy({ a: 1 }, { b: () => 2 });
    expect({ ...obj }, "spread copies the computed value").toEqual({ a: 1, b: 2 });
    expect(JSON.stringify(obj)).toBe('{"a":1,"b":2}');
  });
});
