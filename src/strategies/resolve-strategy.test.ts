import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { resolveStrategy } from "./resolve-strategy.js";

describe("resolveStrategy", () => {
  it("returns the entry with its params parsed and defaults filled", () => {
    const { def, params } = resolveStrategy(
      { name: "sma_crossover", params: { fast: 5 } },
      engineCatalog(),
      "strategy",
    );
    expect(def.name).toBe("sma_crossover");
    expect(params, "slow and allow_short defaulted").toEqual({ fast: 5, slow: 50, allow_short: false });
  });

  it("accepts a reference without params", () => {
    expect(
      resolveStrategy({ name: "buy_and_hold" }, engineCatalog(), "strategy").params,
      "empty params",
    ).toEqual({});
  });

  it("answers an unknown name with CONFIG_INVALID listing every strategy", () => {
    expect(
      () => resolveStrategy({ name: "sma_cross", params: {} }, engineCatalog(), "strategy"),
      "valid names",
    ).toThrow(
      'strategy.name: unknown strategy "sma_cross"; valid: sma_crossover, ema_crossover, rsi_reversion, ' +
        "donchian_breakout, bollinger_reversion, buy_and_hold",
    );
  });

  it("reports bad params under {path}.params", () => {
    expect(
      () => resolveStrategy({ name: "sma_crossover", params: { fast: 60 } }, engineCatalog(), "strategy"),
      "fast 60 >= default slow 50",
    ).toThrow("strategy.params.fast: fast (60) must be less than slow (50) (got 60)");
    expect(
      () => resolveStrategy({ name: "rsi_reversion", params: { upper: 101 } }, engineCatalog(), "strategy"),
      "levels are 0..100",
    ).toThrow(/^strategy\.params\.upper: .*\(got 101\)$/);
  });
});
