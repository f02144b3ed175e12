import { describe, expect, it } from "vitest";
import { columnOf } from "./column-of.js";

describe("columnOf", () => {
  it("names the only output when none is given, and the requested one otherwise", () => {
    expect(columnOf({ name: "sma", params: { period: 10 } }), "single output").toBe("sma_10");
    expect(columnOf({ name: "bollinger", params: { period: 20 } }, "lower"), "defaults filled").toBe(
      "bollinger_20_2_lower",
    );
  });

  it("throws INTERNAL for an output the indicator does not have, or a missing one on a multi-output indicator", () => {
    expect(() => columnOf({ name: "donchian", params: {} }, "mid"), "no such output").toThrow(
      "indicator donchian has no output mid; outputs: upper, lower",
    );
    expect(() => columnOf({ name: "donchian", params: {} }), "ambiguous").toThrow(/has no output undefined/);
  });
});
