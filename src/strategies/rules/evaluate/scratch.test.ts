import { describe, expect, it } from "vitest";
import { MAX_RETAINED_BYTES, Scratch } from "./scratch.js";

describe("Scratch", () => {
  it("hands a given column back for the next take of the same type and length", () => {
    const scratch = new Scratch();
    const a = scratch.take("number", 10);
    scratch.give("number", a);
    expect(scratch.take("condition", 10), "another type is a new column").toBeInstanceOf(Uint8Array);
    expect(scratch.take("number", 10), "same type and length: reused").toBe(a);
    expect(scratch.take("number", 10), "the pool is empty again").not.toBe(a);
  });

  it("drops its columns when the length changes, and keeps at most MAX_RETAINED_BYTES", () => {
    const scratch = new Scratch();
    const a = scratch.take("number", 10);
    scratch.give("number", a);
    expect(scratch.take("number", 11), "new length").not.toBe(a);
    expect(scratch.take("number", 10), "the old column is gone").not.toBe(a);
    const small = new Scratch(100);
    const fits = small.take("number", 10);
    const over = small.take("number", 10);
    small.give("number", fits);
    small.give("number", over);
    expect(small.take("number", 10), "the first 80 bytes were kept").toBe(fits);
    expect(small.take("number", 10), "the next 80 were over the limit").not.toBe(over);
    expect(MAX_RETAINED_BYTES, "the default limit").toBe(64 * 1024 * 1024);
  });

  it("serves an all-false column at least as long as asked", () => {
    const scratch = new Scratch();
    expect(scratch.zeros(5).length, "grows").toBeGreaterThanOrEqual(5);
    expect(Array.from(scratch.zeros(3).subarray(0, 3)), "all false").toEqual([0, 0, 0]);
  });
});
