import { describe, expect, it } from "vitest";
import { featureColumnName } from "./feature-column-name.js";

describe("featureColumnName", () => {
  it("joins the name and param values, adding the output only for multi-output indicators", () => {
    expect(featureColumnName("sma", { period: 10 }, "sma", 1)).toBe("sma_10");
    expect(featureColumnName("ema", { period: 50 }, "ema", 1)).toBe("ema_50");
    expect(featureColumnName("macd", { fast: 12, slow: 26, signal: 9 }, "signal", 3)).toBe(
      "macd_12_26_9_signal",
    );
    expect(featureColumnName("bollinger", { period: 20, stddev: 2 }, "upper", 3)).toBe(
      "bollinger_20_2_upper",
    );
    expect(featureColumnName("donchian", { period: 20 }, "upper", 2)).toBe("donchian_20_upper");
    expect(featureColumnName("price", { field: "close" }, "price", 1)).toBe("price_close");
  });

  it("is the bare name for an indicator without params", () => {
    expect(featureColumnName("obv", {}, "obv", 1)).toBe("obv");
  });

  it("orders values by the schema's declared keys, not by the params object's key order", () => {
    expect(
      featureColumnName("macd", { signal: 9, slow: 26, fast: 12 }, "hist", 3),
      "declared order is fast, slow, signal",
    ).toBe("macd_12_26_9_hist");
  });

  it("prints fractional values as JavaScript does", () => {
    expect(featureColumnName("bollinger", { period: 20, stddev: 2.5 }, "lower", 3)).toBe(
      "bollinger_20_2.5_lower",
    );
  });
});
