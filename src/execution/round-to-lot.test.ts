import { describe, expect, it } from "vitest";
import { roundToLot } from "./round-to-lot.js";

describe("roundToLot", () => {
  it("rounds down to a whole number of lots", () => {
    expect(roundToLot(9.99, 1), "9.99 units is 9 whole units").toBe(9);
    expect(roundToLot(25, 10), "25 units is 2 lots of 10").toBe(20);
  });

  it("keeps exact multiples that floating point put just below a whole lot count", () => {
    // 0.3 / 0.1 = 2.9999999999999996 in doubles; it is 3 lots, i.e. 3 x 0.1
    expect(roundToLot(0.3, 0.1), "3 lots of 0.1").toBe(3 * 0.1);
    expect(roundToLot(2.9999999999, 1), "within 1e-9 of 3 lots").toBe(3);
    expect(roundToLot(2.99, 1), "a real shortfall still rounds down").toBe(2);
  });

  it("leaves quantities fractional when lot size is 0", () => {
    expect(roundToLot(9.99, 0), "0 = fractional").toBe(9.99);
  });

  it("returns 0 for quantities that are not positive", () => {
    expect(roundToLot(0.5, 1), "less than one lot").toBe(0);
    expect(roundToLot(-3, 1), "never a negative size").toBe(0);
    expect(roundToLot(Number.NaN, 0), "NaN sizes nothing").toBe(0);
  });
});
