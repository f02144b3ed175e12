import { describe, expect, it } from "vitest";
import { live, type Step } from "./program.js";

describe("live", () => {
  it("keeps the steps a condition needs, in order, and drops the rest", () => {
    const steps: Step[] = [
      { op: "prev", args: [{ slot: 0 }], out: 1, k: 1 },
      { op: ">", args: [{ slot: 0 }, { slot: 1 }], out: 2 },
      { op: "<", args: [{ slot: 0 }, { value: 3 }], out: 3 },
      { op: "not", args: [{ slot: 2 }], out: 4 },
    ];
    const kept = live(steps, {
      long_entry: { slot: 4 },
      long_exit: { value: 1 },
      short_entry: null,
      short_exit: null,
    });
    expect(
      kept.map((s) => s.out),
      "prev, >, not; < is unused",
    ).toEqual([1, 2, 4]);
  });
});
