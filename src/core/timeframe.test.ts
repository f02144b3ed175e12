import { describe, expect, it } from "vitest";
import { alignDown, alignUp, timeframeMs } from "./timeframe.js";

describe("timeframe", () => {
  it("maps every timeframe to its interval in ms", () => {
    expect(timeframeMs("1m")).toBe(60_000);
    expect(timeframeMs("4h")).toBe(4 * 3_600_000);
    expect(timeframeMs("1d")).toBe(86_400_000);
    expect(timeframeMs("1w")).toBe(7 * 86_400_000);
  });

  it("rejects unknown timeframes with CONFIG_INVALID naming the valid ones", () => {
    expect(() => timeframeMs("2d")).toThrow(/unknown timeframe "2d"; valid: 1m, 3m/);
  });

  it("aligns weeks to Monday 00:00 UTC and other timeframes to multiples of their interval", () => {
    const wed = Date.UTC(2024, 0, 3, 15); // Wednesday 2024-01-03 15:00
    expect(new Date(alignDown(wed, "1w")).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(new Date(alignUp(wed, "1w")).toISOString()).toBe("2024-01-08T00:00:00.000Z");
    expect(new Date(alignUp(wed + 1, "4h")).toISOString()).toBe("2024-01-03T16:00:00.000Z");
  });
});
