/**
 * @module strategies/buy-and-hold
 * The benchmark: target +1 on every bar, so the engine buys at the first bar's open and never trades again. It
 * reads no features.
 */
import { z } from "zod";
import { defineStrategy } from "./types.js";

const schema = z.strictObject({});

export const buyAndHold = defineStrategy({
  name: "buy_and_hold",
  summary: "Long from the first bar to the last.",
  schema,
  inputs: () => ({}),
  signal: (_inputs, _params, out) => {
    out.fill(1);
  },
});
