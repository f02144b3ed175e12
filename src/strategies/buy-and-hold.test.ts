import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { buyAndHold } from "./buy-and-hold.js";
import { frameOf, signalOf } from "./test-support/frame-of.js";

describe("buy_and_hold", () => {
  it("targets +1 on every bar and reads no features", () => {
    expect(signalOf(buyAndHold, {}, frameOf({}, 4)), "long throughout").toEqual([1, 1, 1, 1]);
    expect(buyAndHold.inputs({}, { indicators: engineCatalog().indicators }), "no inputs").toEqual({});
  });
});
