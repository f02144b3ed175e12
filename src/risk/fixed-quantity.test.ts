import { describe, expect, it } from "vitest";
import { parseParams } from "../core/registry.js";
import { fixedQuantity } from "./fixed-quantity.js";

describe("fixed_quantity", () => {
  it("holds qty x exposure units whatever the equity and price", () => {
    const ctx = { equity: 5, price: 1e6, exposure: 0.5, commissionRate: 0.01, commissionPerShare: 3 };
    // 10 x 0.5 = 5
    expect(fixedQuantity.quantity(ctx, { qty: 10 }), "equity and costs play no part").toBe(5);
  });

  it("requires a positive qty", () => {
    expect(parseParams(fixedQuantity.schema, {}, "risk.params")).toEqual({ qty: 1 });
    expect(() => parseParams(fixedQuantity.schema, { qty: 0 }, "risk.params")).toThrow(/risk\.params\.qty/);
  });
});
