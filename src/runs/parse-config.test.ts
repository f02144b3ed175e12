import { describe, expect, it } from "vitest";
import { configHash } from "../core/hashes.js";
import { builtinCatalog } from "./builtin-catalog.js";
import { parseRunConfig } from "./parse-config.js";

const base = {
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2021-01-01",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 10, slow: 50 } },
};

function messageOf(input: unknown): string {
  try {
    parseRunConfig(input, builtinCatalog());
  } catch (e) {
    expect((e as { code: string }).code).toBe("CONFIG_INVALID");
    return (e as Error).message;
  }
  throw new Error("expected CONFIG_INVALID");
}

describe("parseRunConfig", () => {
  it("fills every plugin's defaults so equivalent configs hash the same", () => {
    const a = parseRunConfig(base, builtinCatalog());
    const b = parseRunConfig(
      {
        ...base,
        strategy: { name: "sma_crossover", params: { slow: 50, fast: 10, allow_short: false } },
      },
      builtinCatalog(),
    );
    expect(a.strategy.params).toEqual({ fast: 10, slow: 50, allow_short: false });
    expect(a.risk).toEqual({ name: "fixed_fraction", params: { fraction: 1 } });
    expect(configHash(a)).toBe(configHash(b));
  });

  it("names the valid choices for unknown providers, strategies, indicators and risk models", () => {
    expect(messageOf({ ...base, provider: "yahoo" })).toMatch(
      /^provider: unknown provider "yahoo"; valid: .*synthetic/,
    );
    expect(messageOf({ ...base, strategy: { name: "magic" } })).toMatch(
      /^strategy\.name: unknown strategy "magic"; valid: .*sma_crossover/,
    );
    expect(messageOf({ ...base, indicators: [{ name: "vwma" }] })).toMatch(
      /^indicators\[0\]\.name: unknown indicator "vwma"; valid: .*ema/,
    );
    expect(messageOf({ ...base, risk: { name: "kelly" } })).toMatch(
      /^risk\.name: unknown risk model "kelly"; valid: .*fixed_fraction/,
    );
  });

  it("reports bad plugin params under their full path with the value", () => {
    expect(
      messageOf({ ...base, strategy: { name: "sma_crossover", params: { fast: -1, slow: 5 } } }),
    ).toContain("strategy.params.fast");
    expect(messageOf({ ...base, indicators: [{ name: "rsi", params: { period: "x" } }] })).toMatch(
      /indicators\[0\]\.params\.period: .*\(got "x"\)/,
    );
    expect(messageOf({ ...base, risk: { name: "fixed_fraction", params: { fraction: 0 } } })).toContain(
      "risk.params.fraction",
    );
  });

  it("checks walk-forward grid keys and values against the strategy", () => {
    expect(messageOf({ ...base, validation: { wfo: { grid: { speed: [1] } } } })).toMatch(
      /validation\.wfo\.grid\.speed: "speed" is not a param of strategy "sma_crossover"; valid: fast, slow, allow_short/,
    );
    expect(messageOf({ ...base, validation: { wfo: { grid: { fast: [5, -3] } } } })).toMatch(
      /^validation\.wfo\.grid\.fast\[1\]: invalid value -3/,
    );
  });

  it("lets a grid vary the rules strategy's vars as vars.NAME, and checks the name and the values", () => {
    const rules = {
      ...base,
      strategy: {
        name: "rules",
        params: {
          long_entry: "cross_above(sma(close, $fast), sma(close, $slow))",
          vars: { fast: 5, slow: 20 },
        },
      },
    };
    const ok = parseRunConfig(
      { ...rules, validation: { wfo: { grid: { "vars.fast": [3, 5] } } } },
      builtinCatalog(),
    );
    expect(ok.validation.wfo?.grid, "kept as written").toEqual({ "vars.fast": [3, 5] });
    expect(messageOf({ ...rules, validation: { wfo: { grid: { "vars.fst": [3] } } } })).toMatch(
      /validation\.wfo\.grid\.vars\.fst: "vars\.fst" is not a param of strategy "rules"; valid: .*vars\.fast, vars\.slow/,
    );
    expect(messageOf({ ...rules, validation: { wfo: { grid: { "vars.fast": [true] } } } })).toMatch(
      /^validation\.wfo\.grid\.vars\.fast\[0\]: invalid value true/,
    );
  });

  it("accepts grid values that are only invalid in combination (skipped later, not rejected here)", () => {
    expect(() =>
      parseRunConfig({ ...base, validation: { wfo: { grid: { fast: [10, 60] } } } }, builtinCatalog()),
    ).not.toThrow();
  });
});
