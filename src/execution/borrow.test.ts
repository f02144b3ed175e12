import { describe, expect, it } from "vitest";
import { barDurationMs, borrowCost, borrowRatePerMs } from "./borrow.js";

const DAY = 86_400_000;

describe("borrowCost", () => {
  it("accrues the annual rate pro rata over a 365.25-day year", () => {
    // 1000 x 10% x 1 / 365.25 = 0.2737850787132101...
    expect(borrowCost(1000, DAY, borrowRatePerMs(1000)), "one day of 10%/yr on 1000").toBeCloseTo(
      100 / 365.25,
      12,
    );
  });

  it("grows linearly with the duration and uses the absolute market value", () => {
    // 1000 x 10% x 3 / 365.25 = 0.8213552361396304...
    expect(borrowCost(-1000, 3 * DAY, borrowRatePerMs(1000)), "three days, signed market value").toBeCloseTo(
      300 / 365.25,
      12,
    );
  });

  it("converts the annual bps rate to a per-millisecond rate over 365.25 days", () => {
    // 1000 bps = 10% a year; 0.1 / (365.25 x 86,400,000 ms)
    expect(borrowRatePerMs(1000), "10%/yr per ms").toBeCloseTo(0.1 / (365.25 * DAY), 25);
  });

  it("is zero at a zero rate", () => {
    expect(borrowCost(1000, DAY, borrowRatePerMs(0))).toBe(0);
  });
});

describe("barDurationMs", () => {
  it("runs from a bar's open to the next bar's open, and one interval for the last bar", () => {
    const ts = Float64Array.from([0, DAY, 4 * DAY]);
    expect(barDurationMs(ts, 0, DAY), "regular bar").toBe(DAY);
    expect(barDurationMs(ts, 1, DAY), "a gap of two missing days makes the bar three days long").toBe(
      3 * DAY,
    );
    expect(barDurationMs(ts, 2, DAY), "the last bar has no successor").toBe(DAY);
  });
});
