import { describe, expect, it } from "vitest";
import { z } from "zod";
import { engineCatalog } from "../../engine/engine-catalog.js";
import { fractionalTrend } from "../../strategies/test-support/fractional-trend.js";
import { defineStrategy } from "../../strategies/types.js";
import { studioErrorOf } from "../test-support/studio-error-of.js";
import {
  createCatalog,
  describeFamily,
  extendCatalog,
  inlineOrigin,
  originOf,
  pluginLists,
} from "./catalog.js";

const FILE = { file: "strategies/trend.ts", sha256: "a".repeat(64) };

describe("Catalog", () => {
  it("marks every built-in as builtin and keeps the lists' order", () => {
    const catalog = engineCatalog();
    expect(Object.keys(catalog.strategies).slice(0, 2), "list order").toEqual([
      "sma_crossover",
      "ema_crossover",
    ]);
    expect(originOf(catalog, "strategies", "sma_crossover")).toBe("builtin");
    expect(Object.keys(catalog.providers), "the engine's catalog has no providers").toEqual([]);
  });

  it("extends without changing the base, recording each addition's origin", () => {
    const base = engineCatalog();
    const next = extendCatalog(
      base,
      { strategies: [fractionalTrend] },
      { strategies: { fractional_trend: FILE } },
    );
    expect(next.strategies.fractional_trend, "the definition itself").toBe(fractionalTrend);
    expect(originOf(next, "strategies", "fractional_trend")).toEqual(FILE);
    expect(Object.hasOwn(base.strategies, "fractional_trend"), "the base is immutable").toBe(false);
    expect(Object.isFrozen(next.strategies)).toBe(true);
  });

  it("refuses a user plugin named like a built-in with PLUGIN_INVALID naming both origins", () => {
    const clash = { ...fractionalTrend, name: "sma_crossover" };
    const err = studioErrorOf(() =>
      extendCatalog(engineCatalog(), { strategies: [clash] }, { strategies: { sma_crossover: FILE } }),
    );
    expect(err.code).toBe("PLUGIN_INVALID");
    expect(err.message).toBe(
      'strategy "sma_crossover" is defined twice: by the built-in and by strategies/trend.ts',
    );
  });

  it("refuses two user files defining one name, naming both files", () => {
    const once = extendCatalog(
      engineCatalog(),
      { strategies: [fractionalTrend] },
      { strategies: { fractional_trend: FILE } },
    );
    const err = studioErrorOf(() =>
      extendCatalog(
        once,
        { strategies: [fractionalTrend] },
        { strategies: { fractional_trend: { file: "strategies/copy.mjs", sha256: "b".repeat(64) } } },
      ),
    );
    expect(err.message).toBe(
      'strategy "fractional_trend" is defined twice: by strategies/trend.ts and by strategies/copy.mjs',
    );
  });

  it("refuses a definition missing its family's parts with PLUGIN_INVALID listing each problem", () => {
    const broken = { name: "half", summary: 3, inputs: () => ({}) } as unknown as typeof fractionalTrend;
    const err = studioErrorOf(() =>
      extendCatalog(engineCatalog(), { strategies: [broken] }, { strategies: { half: FILE } }),
    );
    expect(err.code).toBe("PLUGIN_INVALID");
    expect(err.message).toBe(
      'strategy "half" from strategies/trend.ts has no `summary` string, has no zod `schema`, has no `signal` function',
    );
  });

  it("versions an in-memory plugin by the text of its code", () => {
    const a = inlineOrigin(fractionalTrend);
    expect(inlineOrigin({ ...fractionalTrend }), "same code, same version").toEqual(a);
    const edited = {
      ...fractionalTrend,
      signal: (_i: unknown, _p: unknown, out: Float64Array) => out.fill(0.5),
    };
    expect(inlineOrigin(edited), "edited code, new version").not.toEqual(a);
    expect(a, "no file").not.toHaveProperty("file");
  });

  it("sorts a mixed plugin list into strategies and indicators and refuses anything else", () => {
    const indicator = engineCatalog().indicators.sma!;
    expect(pluginLists([fractionalTrend, indicator])).toEqual({
      strategies: [fractionalTrend],
      indicators: [indicator],
    });
    expect(() => pluginLists([{ name: "x" }])).toThrow(/neither a strategy .* nor an indicator/);
  });

  it("describes each plugin with its origin, and user plugins with their sha256", () => {
    const mine = defineStrategy({
      name: "mine",
      summary: "Mine.",
      schema: z.strictObject({ k: z.int().default(2).describe("A param.") }),
      inputs: () => ({}),
      signal: (_i, _p, out) => {
        out.fill(0);
      },
    });
    const catalog = extendCatalog(
      createCatalog({ strategies: [fractionalTrend] }),
      { strategies: [mine] },
      { strategies: { mine: FILE } },
    );
    const described = describeFamily(catalog, "strategies");
    expect(described.map((d) => [d.name, d.origin, d.sha256])).toEqual([
      ["fractional_trend", "builtin", undefined],
      ["mine", "strategies/trend.ts", FILE.sha256],
    ]);
    expect(described[1]!.params, "params as JSON Schema, defaults shown").toMatchObject({
      properties: { k: { default: 2, description: "A param." } },
    });
  });
});
