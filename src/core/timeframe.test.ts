import { describe, expect, it } from "vitest";
import { alignDown, alignUp, barIndex, barsBetween, nextBarTime, timeframeMs } from "./timeframe.js";

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

describe("calendar and multi-day timeframes", () => {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  it("aligns 1M bars to the first of the month and steps by calendar months", () => {
    const mid = Date.UTC(2024, 1, 15, 12); // 2024-02-15 12:00
    expect(iso(alignDown(mid, "1M"))).toBe("2024-02-01");
    expect(iso(alignUp(mid, "1M"))).toBe("2024-03-01");
    expect(alignUp(Date.UTC(2024, 1, 1), "1M"), "a month start is its own bar").toBe(Date.UTC(2024, 1, 1));
    expect(iso(nextBarTime(Date.UTC(2024, 11, 1), "1M")), "December rolls into January").toBe("2025-01-01");
    expect(
      nextBarTime(Date.UTC(2024, 1, 1), "1M") - Date.UTC(2024, 1, 1),
      "February 2024 lasts 29 days",
    ).toBe(29 * 86_400_000);
    expect(barsBetween(Date.UTC(2023, 0, 1), Date.UTC(2024, 11, 31), "1M")).toBe(24);
    expect(barIndex(Date.UTC(1970, 0, 1), "1M")).toBe(0);
    expect(iso(alignDown(Date.UTC(1969, 11, 31), "1M")), "before the epoch").toBe("1969-12-01");
  });

  it("aligns 3d bars to every third day since the epoch (as Binance does)", () => {
    // 2023-12-31 is day 19722 since the epoch, a multiple of 3.
    expect(iso(alignDown(Date.UTC(2024, 0, 2), "3d"))).toBe("2023-12-31");
    expect(iso(alignUp(Date.UTC(2024, 0, 2), "3d"))).toBe("2024-01-03");
    expect(iso(nextBarTime(Date.UTC(2023, 11, 31), "3d"))).toBe("2024-01-03");
    expect(timeframeMs("3d")).toBe(3 * 86_400_000);
  });
});
