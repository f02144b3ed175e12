import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lookup, parseParams } from "./registry.js";

const registry = {
  alpha: { name: "alpha", summary: "a", schema: z.strictObject({ n: z.int().min(1).default(3) }) },
  beta: { name: "beta", summary: "b", schema: z.strictObject({}) },
};

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
    expect(parseParams(registry.alpha.schema, undefined, "strategy.params")).toEqual({ n: 3 });
    expect(() => parseParams(registry.alpha.schema, { n: 0 }, "strategy.params")).toThrow(
      /^strategy\.params\.n: Too small.* \(got 0\)$/,
    );
  });
});
