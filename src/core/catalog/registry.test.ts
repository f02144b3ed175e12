import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lookup, parseParams, registryOf } from "./registry.js";

const alpha = { name: "alpha", summary: "a", schema: z.strictObject({ n: z.int().min(1).default(3) }) };
const beta = { name: "beta", summary: "b", schema: z.strictObject({}) };
const registry = registryOf([alpha, beta]);

describe("registryOf", () => {
  it("keys each entry by its own name, in list order, and freezes the result", () => {
    expect(Object.keys(registry), "list order").toEqual(["alpha", "beta"]);
    expect(registry.alpha, "the entry itself, not a copy").toBe(alpha);
    expect(Object.isFrozen(registry), "a registry cannot be patched after the fact").toBe(true);
  });

  it("rejects two entries with one name as PLUGIN_INVALID naming it", () => {
    expect(() => registryOf([alpha, beta, { ...alpha, summary: "again" }])).toThrow(
      expect.objectContaining({ code: "PLUGIN_INVALID", message: 'two plugins are named "alpha"' }),
    );
  });
});

describe("registry lookup", () => {
  it("answers an unknown name with CONFIG_INVALID listing the valid names", () => {
    expect(() => lookup(registry, "strategy", "gamma", "strategy.name")).toThrow(
      'strategy.name: unknown strategy "gamma"; valid: alpha, beta',
    );
  });

  it("does not resolve inherited object keys as plugins", () => {
    expect(() => lookup(registry, "strategy", "toString", "strategy.name")).toThrow(/unknown strategy/);
  });

  it("parses params with defaults and reports bad ones under the given path", () => {
    expect(parseParams(alpha.schema, undefined, "strategy.params")).toEqual({ n: 3 });
    expect(() => parseParams(alpha.schema, { n: 0 }, "strategy.params")).toThrow(
      /^strategy\.params\.n: Too small.* \(got 0\)$/,
    );
  });
});
