import { describe, expect, it } from "vitest";
import { obv } from "../momentum/obv.js";
import { price } from "../price.js";
import { ema } from "../trend/ema.js";
import { macd } from "../trend/macd.js";
import { sma } from "../trend/sma.js";
import { bollinger } from "../volatility/bollinger.js";
import { donchian } from "../volatility/donchian.js";
import { featureColumnName } from "./feature-column-name.js";

describe("featureColumnName", () => {
  it("joins the name and param values, adding the output only for multi-output indicators", () => {
    expect(featureColumnName(sma, { period: 10 }, "sma")).toBe("sma_10");
    expect(featureColumnName(ema, { period: 50 }, "ema")).toBe("ema_50");
    expect(featureColumnName(macd, { fast: 12, slow: 26, signal: 9 }, "signal")).toBe("macd_12_26_9_signal");
    expect(featureColumnName(bollinger, { period: 20, stddev: 2 }, "upper")).toBe("bollinger_20_2_upper");
    expect(featureColumnName(donchian, { period: 20 }, "upper")).toBe("donchian_20_upper");
    expect(featureColumnName(price, { field: "close" }, "price")).toBe("price_close");
  });

  it("is the bare name for an indicator without params", () => {
    expect(featureColumnName(obv, {}, "obv")).toBe("obv");
  });

  it("orders values by the schema's declared keys, not by the params object's key order", () => {
    expect(
      featureColumnName(macd, { signal: 9, slow: 26, fast: 12 }, "hist"),
      "declared order is fast, slow, signal",
    ).toBe("macd_12_26_9_hist");
  });

  it("prints fractional values as JavaScript does", () => {
    expect(featureColumnName(bollinger, { period: 20, stddev: 2.5 }, "lower")).toBe("bollinger_20_2.5_lower");
  });
});
