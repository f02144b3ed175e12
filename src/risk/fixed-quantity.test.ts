import { describe, expect, it } from "vitest";
import { parseParams } from "../core/catalog/registry.js";
import { fixedQuantity } from "./fixed-quantity.js";

describe("fixed_quantity", () => {
  it("holds qty x exposure units whatever the equity and price", () => {
    const ctx = { equity: 5, price: 1e6, exposure: 0.5, commissionRate: 0.01, commissionPerShare: 3 };
    // 10 x 0.5 = 5
    expect(fixedQuantity.quantity(ctx, { qty: 10 }), "equity and costs play no part").toBe(5);
  });

  it("requires a qty between 1e-8 and 1e9 units", () => {
    expect(parseParams(fixedQuantity.schema, {}, "risk.params")).toEqual({ qty: 1 });
    for (const qty of [0, 5e-324, 1e-9, 1.5e9]) {
      expect(() => parseParams(fixedQuantity.schema, { qty }, "risk.params"), `qty ${qty}`).toThrow(
        /risk\.params\.qty/,
      );
    }
    for (const qty of [1e-8, 1e9])
      expect(parseParams(fixedQuantity.schema, { qty }, "risk.params")).toEqual({ qty });
  });
});
