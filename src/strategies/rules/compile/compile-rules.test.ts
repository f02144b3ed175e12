import { describe, expect, it } from "vitest";
import { engineCatalog } from "../../../engine/engine-catalog.js";
import { compileEvaluator, compileRules } from "./compile-rules.js";
import type { RulesSpec } from "./program.js";

const N = Number.NaN;
const spec: RulesSpec = {
  long_entry: "cross_above(sma(close, $fast), sma(close, $slow))",
  long_exit: "cross_below(sma(close, $fast), sma(close, $slow))",
  short_entry: "",
  short_exit: "",
  vars: { fast: 2, slow: 3 },
};
// Shifted SMAs as the strategy sees them: bullish cross at 3, bearish at 5 (the sma_crossover test's table).
const columns = {
  "sma(close,2)": Float64Array.from([N, 1, 1, 3, 3, 1, 1, 2, 2, 3]),
  "sma(close,3)": Float64Array.from([N, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
};

describe("compileRules", () => {
  it("names its inputs and evaluates targets from their columns, without the strategy plumbing", () => {
    const compiled = compileRules(spec, engineCatalog().indicators);
    expect(compiled.inputs, "two SMA inputs").toEqual({
      "sma(close,2)": { name: "sma", params: { field: "close", period: 2 } },
      "sma(close,3)": { name: "sma", params: { field: "close", period: 3 } },
    });
    const out = new Float64Array(10);
    expect(compiled.evaluate(columns, out), "no conflicts").toEqual({ bothEntries: 0, firstBothEntries: -1 });
    expect(Array.from(out), "long from 3 to 4").toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });

  it("builds the same evaluator without the catalog, memoized per params", () => {
    const out = new Float64Array(10);
    compileEvaluator(spec).evaluate(columns, out);
    expect(Array.from(out), "same targets").toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    const again = new Float64Array(10);
    compileEvaluator({ ...spec, vars: { ...spec.vars } }).evaluate(columns, again);
    expect(Array.from(again), "an equal params object gives the same targets").toEqual(Array.from(out));
    const other = new Float64Array(10);
    compileEvaluator({ ...spec, long_exit: "" }).evaluate(columns, other);
    expect(Array.from(other), "different params are not served from the memo").toEqual([
      0, 0, 0, 1, 1, 1, 1, 1, 1, 1,
    ]);
  });
});
