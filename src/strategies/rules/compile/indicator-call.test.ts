import { describe, expect, it } from "vitest";
import { engineCatalog } from "../../../engine/engine-catalog.js";
import { type CallArg, indicatorRef } from "./indicator-call.js";

const { indicators } = engineCatalog();
const source = { path: "p", text: "x" };
const ref = (name: string, args: CallArg[], output?: string) =>
  indicatorRef(
    indicators[name]!,
    { callee: name, pos: 0, args, ...(output ? { output: { name: output, pos: 0 } } : {}) },
    source,
  );

describe("indicatorRef", () => {
  it("maps numbers to params in declared order, after an optional leading candle column", () => {
    expect(
      ref(
        "bollinger",
        [
          { pos: 0, value: 10 },
          { pos: 0, value: 1.5 },
        ],
        "lower",
      ),
      "no column",
    ).toEqual({
      name: "bollinger",
      params: { period: 10, stddev: 1.5 },
      output: "lower",
    });
    expect(
      ref(
        "bollinger",
        [
          { pos: 0, value: { field: "high" } },
          { pos: 0, value: 10 },
        ],
        "mid",
      ),
      "column first",
    ).toEqual({
      name: "bollinger",
      params: { field: "high", period: 10 },
      output: "mid",
    });
  });

  it("passes named params through and leaves defaults to the planner", () => {
    expect(ref("macd", [{ name: "signal", pos: 0, value: 5 }], "signal"), "one named param").toEqual({
      name: "macd",
      params: { signal: 5 },
      output: "signal",
    });
  });

  it("omits the output of a single-output indicator", () => {
    expect(ref("rsi", [{ pos: 0, value: 7 }], "rsi"), "rsi").toEqual({ name: "rsi", params: { period: 7 } });
  });
});
