import { describe, expect, it } from "vitest";
import { cagr, MIN_CAGR_YEARS } from "./cagr.js";

describe("cagr", () => {
  it("is the constant yearly rate that compounds to the total return", () => {
    // 1.21^(1/2) - 1 = 1.1 - 1 = 0.1
    expect(cagr(0.21, 2)).toBeCloseTo(0.1, 14);
    // 0.81^(1/2) - 1 = 0.9 - 1 = -0.1
    expect(cagr(-0.19, 2)).toBeCloseTo(-0.1, 14);
    // half a year: 1.1^2 - 1 = 0.21
    expect(cagr(0.1, 0.5)).toBeCloseTo(0.21, 14);
  });

  it("is null under one day of data and defined from exactly one day", () => {
    expect(cagr(0.01, MIN_CAGR_YEARS / 2), "half a day").toBeNull();
    expect(cagr(0.01, 0), "one bar spans no time").toBeNull();
    // one day = 1/365.25 years: 1^365.25 - 1 = 0
    expect(cagr(0, MIN_CAGR_YEARS), "exactly one day").toBe(0);
  });

  it("is -1 when everything is lost and null when more than everything is lost", () => {
    expect(cagr(-1, 2), "0^(1/2) - 1").toBe(-1);
    expect(cagr(-1.5, 2), "no rate compounds to a negative equity").toBeNull();
  });

  it("is null when the compound rate overflows", () => {
    // (1 + 1e10)^365.25 is far beyond the largest double
    expect(cagr(1e10, MIN_CAGR_YEARS)).toBeNull();
  });
});
