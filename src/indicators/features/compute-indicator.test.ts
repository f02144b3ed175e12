import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { computeIndicator } from "./compute-indicator.js";

describe("computeIndicator", () => {
  it("returns the raw, unshifted outputs by name", () => {
    const out = computeIndicator("sma", { period: 2 }, candlesFromCloses([2, 4, 8]));
    expect(Object.keys(out), "sma has one output").toEqual(["sma"]);
    expect(Array.from(out.sma!), "(2+4)/2, (4+8)/2 at their own bars").toEqual([Number.NaN, 3, 6]);
  });

  it("fills default params", () => {
    const out = computeIndicator("donchian", undefined, candlesFromCloses([1, 2, 3]));
    expect(Object.keys(out), "upper and lower").toEqual(["upper", "lower"]);
  });

  it("rejects unknown names and bad params with CONFIG_INVALID", () => {
    expect(() => computeIndicator("nope", {}, candlesFromCloses([1])), "unknown name").toThrow(
      /indicator\.name: unknown indicator "nope"; valid: sma, /,
    );
    expect(() => computeIndicator("rsi", { period: 1 }, candlesFromCloses([1])), "period >= 2").toThrow(
      /indicator\.params\.period/,
    );
  });

  it("rejects candles whose columns have different lengths", () => {
    const candles = { ...candlesFromCloses([1, 2, 3]), volume: new Float64Array(2) };
    expect(() => computeIndicator("obv", {}, candles), "DATA_INVALID from core").toThrow(
      /column volume has 2 rows/,
    );
  });
});
