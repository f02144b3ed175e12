import { describe, expect, it } from "vitest";
import { studioErrorOf } from "../../core/test-support/studio-error-of.js";
import { engineCatalog } from "../../engine/engine-catalog.js";
import { resolveIndicator } from "./resolve-indicator.js";

describe("resolveIndicator", () => {
  it("fills defaults and names one column per output", () => {
    const r = resolveIndicator({ name: "macd", params: { signal: 5 } }, engineCatalog(), "indicators[0]");
    expect(r.def.name).toBe("macd");
    expect(r.params, "defaults 12 and 26 filled in").toEqual({ fast: 12, slow: 26, signal: 5 });
    expect(r.columns, "one column per output, in output order").toEqual([
      { output: "macd", name: "macd_12_26_5_macd" },
      { output: "signal", name: "macd_12_26_5_signal" },
      { output: "hist", name: "macd_12_26_5_hist" },
    ]);
  });

  it("answers an unknown name with CONFIG_INVALID listing the valid names under the path", () => {
    const err = studioErrorOf(() =>
      resolveIndicator({ name: "smaa", params: {} }, engineCatalog(), "indicators[1]"),
    );
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message, "path, quoted value and every valid name").toMatch(
      /^indicators\[1\]\.name: unknown indicator "smaa"; valid: sma, ema, .*zscore, price$/,
    );
  });

  it("reports a bad param as CONFIG_INVALID under {path}.params.{key}", () => {
    const err = studioErrorOf(() =>
      resolveIndicator({ name: "sma", params: { period: 0 } }, engineCatalog(), "indicators[0]"),
    );
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message, "the param's full path and value").toMatch(
      /^indicators\[0\]\.params\.period: .* \(got 0\)$/,
    );
  });

  it("rejects unknown params and a fast period not below the slow one", () => {
    expect(
      () => resolveIndicator({ name: "ema", params: { length: 3 } }, engineCatalog(), "i"),
      "strict schema",
    ).toThrow(/i\.params/);
    expect(
      () => resolveIndicator({ name: "macd", params: { fast: 30 } }, engineCatalog(), "i"),
      "refine: fast 30 >= default slow 26",
    ).toThrow("i.params.fast: fast (30) must be less than slow (26) (got 30)");
  });
});
