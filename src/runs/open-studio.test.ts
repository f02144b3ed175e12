import { describe, expect, it } from "vitest";
import { envInt } from "./open-studio.js";

describe("envInt", () => {
  it("reads a positive integer and falls back when the variable is unset or empty", () => {
    expect(envInt({ STUDIO_KEEP_RUNS: "250" }, "STUDIO_KEEP_RUNS", 100)).toBe(250);
    expect(envInt({}, "STUDIO_KEEP_RUNS", 100)).toBe(100);
    expect(envInt({ STUDIO_KEEP_RUNS: "" }, "STUDIO_KEEP_RUNS", 100)).toBe(100);
  });

  it("refuses zero, negatives and text with CONFIG_INVALID naming the variable and value", () => {
    for (const bad of ["0", "-3", "ten", "2.5"]) {
      expect(() => envInt({ STUDIO_CONCURRENCY: bad }, "STUDIO_CONCURRENCY", 1), bad).toThrow(
        `STUDIO_CONCURRENCY must be a positive integer, got "${bad}"`,
      );
    }
  });
});
