import { describe, expect, it } from "vitest";
import { describeRegistry } from "../core/catalog/registry.js";
import { createProvider, PROVIDERS } from "./registry.js";

describe("provider registry", () => {
  it("lists synthetic, csv and binance, each under its own name", () => {
    expect(Object.keys(PROVIDERS)).toEqual(["synthetic", "csv", "binance"]);
    for (const [key, def] of Object.entries(PROVIDERS)) expect(def.name, key).toBe(key);
    expect(describeRegistry(PROVIDERS).map((d) => d.name)).toEqual(["synthetic", "csv", "binance"]);
  });

  it("creates a provider with default params", () => {
    expect(createProvider("synthetic").name).toBe("synthetic");
    expect(createProvider("binance").name).toBe("binance");
  });

  it("answers an unknown provider with CONFIG_INVALID listing the valid ones", () => {
    expect(() => createProvider("yahoo")).toThrow(
      'provider: unknown provider "yahoo"; valid: synthetic, csv, binance',
    );
  });
});
