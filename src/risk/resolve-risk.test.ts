import { describe, expect, it } from "vitest";
import { StudioError } from "../core/errors.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import { resolveRisk } from "./resolve-risk.js";

describe("resolveRisk", () => {
  it("returns the model with its params parsed and defaulted", () => {
    const { def, params } = resolveRisk({ name: "fixed_fraction", params: {} }, engineCatalog(), "risk");
    expect(def.name).toBe("fixed_fraction");
    expect(params, "fraction defaults to 1").toEqual({ fraction: 1 });
  });

  it("answers an unknown name with CONFIG_INVALID listing the valid models", () => {
    let caught: unknown;
    try {
      resolveRisk({ name: "kelly" }, engineCatalog(), "risk");
    } catch (err) {
      caught = err;
    }
    expect(caught, "a config error, not a crash").toBeInstanceOf(StudioError);
    expect((caught as StudioError).code).toBe("CONFIG_INVALID");
    expect((caught as StudioError).message).toBe(
      'risk.name: unknown risk model "kelly"; valid: fixed_fraction, fixed_quantity',
    );
  });

  it("reports bad params under the given path", () => {
    expect(() =>
      resolveRisk({ name: "fixed_quantity", params: { qty: -1 } }, engineCatalog(), "risk"),
    ).toThrow(/^risk\.params\.qty: .*\(got -1\)$/);
  });
});
