import { describe, expect, it } from "vitest";
import { mergeConfig, parseSetValue, setPath } from "./merge-config.js";

describe("mergeConfig", () => {
  const preset = {
    symbol: "SYN",
    strategy: { name: "sma_crossover", params: { fast: 10, slow: 50 } },
    indicators: [{ name: "rsi", params: {} }],
    validation: { permutation: { n: 100 } },
  };

  it("overrides nested fields and keeps the rest of the preset", () => {
    const merged = mergeConfig(preset, {
      strategy: { params: { fast: 20 } },
      validation: { monte_carlo: { n: 5 } },
    });
    expect(merged).toEqual({
      symbol: "SYN",
      strategy: { name: "sma_crossover", params: { fast: 20, slow: 50 } },
      indicators: [{ name: "rsi", params: {} }],
      validation: { permutation: { n: 100 }, monte_carlo: { n: 5 } },
    });
  });

  it("replaces arrays whole", () => {
    expect((mergeConfig(preset, { indicators: [] }) as { indicators: unknown[] }).indicators).toEqual([]);
  });

  it("replaces a plugin reference whose name changes, params included", () => {
    const merged = mergeConfig(preset, { strategy: { name: "buy_and_hold" } }) as { strategy: unknown };
    expect(merged.strategy, "sma params must not leak into buy_and_hold").toEqual({ name: "buy_and_hold" });
  });
});

describe("setPath", () => {
  it("sets nested values without mutating the input", () => {
    const input = { strategy: { params: { fast: 1 } } };
    expect(setPath(input, "strategy.params.fast", 20)).toEqual({ strategy: { params: { fast: 20 } } });
    expect(input.strategy.params.fast, "input untouched").toBe(1);
  });

  it("creates missing objects and indexes arrays", () => {
    expect(setPath({}, "validation.permutation.n", 50)).toEqual({ validation: { permutation: { n: 50 } } });
    expect(setPath({ indicators: [{ name: "a" }] }, "indicators[0].name", "b")).toEqual({
      indicators: [{ name: "b" }],
    });
  });

  it("refuses prototype-polluting keys", () => {
    expect(() => setPath({}, "__proto__.x", 1)).toThrow(/forbidden key/);
  });
});

describe("parseSetValue", () => {
  it("reads JSON where it parses and keeps other text as a string", () => {
    expect(parseSetValue("20")).toBe(20);
    expect(parseSetValue("true")).toBe(true);
    expect(parseSetValue("[1,2]")).toEqual([1, 2]);
    expect(parseSetValue("2020-01-01")).toBe("2020-01-01");
    expect(parseSetValue("SYN")).toBe("SYN");
  });
});
