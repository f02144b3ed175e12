import { describe, expect, it } from "vitest";
import { extendCatalog } from "../core/catalog/catalog.js";
import type { StudioError } from "../core/errors.js";
import { parseRunConfigShape } from "../core/run-config.js";
import { studioErrorOf } from "../core/test-support/studio-error-of.js";
import { readingStrategy } from "../strategies/test-support/plugin-fixtures.js";
import type { InputRef } from "../strategies/types.js";
import { engineCatalog } from "./engine-catalog.js";
import { planBacktest } from "./plan-backtest.js";

const config = (strategy: string, params: Record<string, unknown> = {}) =>
  parseRunConfigShape({
    symbol: "SYN",
    timeframe: "1d",
    start: 0,
    end: 1e10,
    provider: "synthetic",
    strategy: { name: strategy, params },
  });

function planError(refs: Record<string, InputRef>): StudioError {
  const catalog = extendCatalog(engineCatalog(), { strategies: [readingStrategy("reader", refs)] });
  return studioErrorOf(() => planBacktest(config("reader"), catalog));
}

describe("planBacktest", () => {
  it("resolves each named input to its indicator and shifted feature column", () => {
    const plan = planBacktest(config("donchian_breakout", { period: 5 }), engineCatalog());
    expect(plan.inputs.map((i) => [i.key, i.column])).toEqual([
      ["upper", "donchian_5_upper"],
      ["lower", "donchian_5_lower"],
      ["close", "price_close"],
    ]);
    expect(
      plan.strategyIndicators.map((r) => r.def.name),
      "one donchian for two of its outputs, then the close",
    ).toEqual(["donchian", "price"]);
    expect(plan.warmup, "donchian(5) lookback 4, plus the shift").toBe(5);
  });

  it("answers an input naming an unknown indicator with CONFIG_INVALID naming strategy, key and choices", () => {
    const err = planError({ fast: { name: "smaa", params: { period: 3 } } });
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toMatch(
      /^strategy "reader" input "fast": unknown indicator "smaa"; valid: sma, ema, .*, price$/,
    );
    expect(err.details?.issues, "the path of the bad input").toMatchObject([
      { path: "strategy.inputs.fast" },
    ]);
  });

  it("answers an unknown output with the indicator's outputs", () => {
    const err = planError({ top: { name: "donchian", params: {}, output: "uper" } });
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toBe(
      'strategy "reader" input "top": indicator "donchian" has no output "uper"; valid: upper, lower',
    );
  });

  it("requires an output for a multi-output indicator", () => {
    expect(planError({ bands: { name: "bollinger", params: {} } }).message).toBe(
      'strategy "reader" input "bands": indicator "bollinger" has 3 outputs; name one with `output`; valid: mid, upper, lower',
    );
  });

  it("reports a bad input param under the input's path, naming the strategy", () => {
    const err = planError({ slow: { name: "sma", params: { period: 0 } } });
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toMatch(
      /^strategy "reader" input "slow": strategy\.inputs\.slow\.params\.period: .*\(got 0\)$/,
    );
  });

  it("reports a strategy whose inputs() throws as PLUGIN_FAILED naming it", () => {
    const thrower = {
      ...readingStrategy("thrower", {}),
      inputs: () => {
        throw new TypeError("p.fast is undefined");
      },
    };
    const catalog = extendCatalog(engineCatalog(), { strategies: [thrower] });
    expect(() => planBacktest(config("thrower"), catalog)).toThrow(
      expect.objectContaining({
        code: "PLUGIN_FAILED",
        message: expect.stringMatching(
          /^strategy "thrower" \(a plugin passed in code .*\) threw: p\.fast is undefined$/,
        ),
      }),
    );
  });
});
