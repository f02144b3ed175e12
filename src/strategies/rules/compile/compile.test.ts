import { describe, expect, it } from "vitest";
import { engineCatalog } from "../../../engine/engine-catalog.js";
import { compileProgram } from "./compile.js";
import type { RulesSpec } from "./program.js";

const indicators = engineCatalog().indicators;
const INDICATOR_NAMES = Object.keys(indicators).join(", ");

function spec(rules: Partial<RulesSpec>): RulesSpec {
  return { long_entry: "", long_exit: "", short_entry: "", short_exit: "", vars: {}, ...rules };
}
const inputsOf = (rules: Partial<RulesSpec>) => compileProgram(spec(rules), indicators).inputs;
const entry =
  (long_entry: string, vars: Record<string, number> = {}) =>
  () =>
    compileProgram(spec({ long_entry, vars }), indicators);

describe("compileProgram: inputs", () => {
  it("reads candle columns through the price indicator", () => {
    expect(inputsOf({ long_entry: "close > open", long_exit: "volume < 5" }), "price refs").toEqual({
      close: { name: "price", params: { field: "close" } },
      open: { name: "price", params: { field: "open" } },
      volume: { name: "price", params: { field: "volume" } },
    });
  });

  it("maps positional and named arguments to the indicator's params, the candle column first", () => {
    expect(
      inputsOf({
        long_entry: "sma(close, 10) > sma(20) and sma(volume, 5) > 1 and rsi(period=$p, field=high) < 30",
        vars: { p: 9 },
      }),
      "each call's params",
    ).toEqual({
      "sma(close,10)": { name: "sma", params: { field: "close", period: 10 } },
      "sma(20)": { name: "sma", params: { period: 20 } },
      "sma(volume,5)": { name: "sma", params: { field: "volume", period: 5 } },
      "rsi(period=9,field=high)": { name: "rsi", params: { period: 9, field: "high" } },
    });
  });

  it("names the output of a multi-output indicator, folding constant params", () => {
    expect(
      inputsOf({
        long_entry: "macd(close, fast=$f, slow=$f * 2, signal=9).hist > bollinger(20, 2.5).upper",
        vars: { f: 12 },
      }),
      "outputs",
    ).toEqual({
      "macd(close,fast=12,slow=24,signal=9).hist": {
        name: "macd",
        params: { field: "close", fast: 12, slow: 24, signal: 9 },
        output: "hist",
      },
      "bollinger(20,2.5).upper": { name: "bollinger", params: { period: 20, stddev: 2.5 }, output: "upper" },
    });
  });

  it("lists a call used by several rules once", () => {
    const inputs = inputsOf({
      long_entry: "cross_above(sma(close, 5), sma(close, 20))",
      long_exit: "cross_below(sma(close, 5), sma(close, 20))",
    });
    expect(Object.keys(inputs), "two SMAs").toEqual(["sma(close,5)", "sma(close,20)"]);
  });

  it("accepts an indicator without params called with no arguments", () => {
    expect(inputsOf({ long_entry: "obv() > prev(obv(), 1)" }), "obv").toEqual({
      "obv()": { name: "obv", params: {} },
    });
  });
});

describe("compileProgram: the program", () => {
  it("folds constant expressions into values and leaves an empty rule null", () => {
    const { program } = compileProgram(
      spec({ long_entry: "$a + 1 < 2 * $a", long_exit: "not (1 > 2)", vars: { a: 3 } }),
    );
    expect(program.conditions, "all constant").toEqual({
      long_entry: { value: 1 },
      long_exit: { value: 1 },
      short_entry: null,
      short_exit: null,
    });
    expect(program.steps, "nothing to run").toEqual([]);
  });

  it("computes a repeated sub-expression once, across rules", () => {
    const { program } = compileProgram(
      spec({
        long_entry: "close > prev(close, 1) and volume > 5",
        short_entry: "close > prev(close, 1) or volume > 5",
      }),
    );
    expect(
      program.steps.map((s) => s.op),
      "prev, >, >, and, or: each once",
    ).toEqual(["prev", ">", ">", "and", "or"]);
  });

  it("drops steps that constant folding made unnecessary", () => {
    const { program } = compileProgram(spec({ long_entry: "close > prev(close, 3) and 1 > 2 or open > 1" }));
    expect(
      program.steps.map((s) => s.op),
      "only open > 1 is left",
    ).toEqual([">"]);
  });

  it("compiles without the catalog to the same program, with no refs", () => {
    const rules = spec({
      long_entry: "rsi(14) < 30 and close > sma(close, 50)",
      long_exit: "macd(12, 26, 9).hist < 0",
    });
    const withCatalog = compileProgram(rules, indicators);
    const without = compileProgram(rules);
    expect(without.program, "same program").toEqual(withCatalog.program);
    expect(without.inputs, "no refs without the catalog").toEqual({});
  });
});

describe("compileProgram: errors", () => {
  it("quotes the expression with a caret under an unknown name, listing indicators, functions and columns", () => {
    expect(entry("cross_above(smaa(close, 10), sma(close, 50))"), "unknown call").toThrow(
      `strategy.params.long_entry: unknown name "smaa"; indicators: ${INDICATOR_NAMES}; functions: prev, cross_above, cross_below, highest, lowest, bars_since; candle columns: open, high, low, close, volume (at column 13)\n` +
        "  cross_above(smaa(close, 10), sma(close, 50))\n" +
        "              ^",
    );
    expect(entry("closing > 1"), "unknown bare name").toThrow('unknown name "closing"; indicators:');
  });

  it("names the rule the error is in", () => {
    expect(() => compileProgram(spec({ short_exit: "close >" }), indicators), "short_exit").toThrow(
      /^strategy\.params\.short_exit: expected a number/,
    );
    expect(() => compileProgram(spec({ long_exit: "x" }), indicators, "p"), "custom path").toThrow(
      /^p\.long_exit: /,
    );
  });

  it("reports an unknown $var with the vars that exist", () => {
    expect(entry("close > $lo", { hi: 1, mid: 2 }), "listed").toThrow(
      "unknown var $lo; vars: hi, mid (at column 9)",
    );
    expect(entry("close > $lo"), "none").toThrow("unknown var $lo; vars: (none; set them in vars)");
  });

  it("checks the arity of functions and indicators", () => {
    expect(entry("prev(close) > 1"), "prev").toThrow("prev(x, k) takes 2 arguments, got 1 (at column 1)");
    expect(entry("bars_since(close > 1, 2) > 1"), "bars_since").toThrow(
      "bars_since(cond) takes 1 argument, got 2",
    );
    expect(entry("cross_above(close)"), "cross_above").toThrow("cross_above(a, b) takes 2 arguments, got 1");
    expect(entry("sma(close, 10, 20) > 1"), "sma").toThrow(
      "too many arguments for sma(field, period) (at column 16)",
    );
    expect(entry("obv(1) > 1"), "obv has no params").toThrow("too many arguments for obv() (at column 5)");
  });

  it("refuses an unknown output, and a multi-output indicator without one", () => {
    expect(entry("macd(12, 26, 9).foo > 0"), "unknown output").toThrow(
      'macd has no output "foo"; outputs: macd, signal, hist (at column 17)',
    );
    expect(entry("macd(12, 26, 9) > 0"), "no output").toThrow(
      "macd has several outputs (macd, signal, hist): pick one, e.g. macd(...).hist (at column 1)",
    );
    expect(entry("prev(close, 1).x > 0"), "function output").toThrow(
      "prev has no outputs; only indicators do",
    );
  });

  it("refuses non-constant params: the indicator set must be known at plan time", () => {
    expect(entry("sma(close, rsi(14)) > 1"), "series as a period").toThrow(
      "params of sma must be constants (numbers, $vars and arithmetic of them) or a candle column (at column 12)",
    );
    expect(entry("sma(close > 1) > 1"), "condition as a param").toThrow("params of sma must be constants");
  });

  it("refuses prev, highest and lowest counts below 1, fractional or not constant: no look-ahead", () => {
    expect(entry("close > prev(close, 0)"), "k = 0").toThrow(
      "k of prev(x, k) must be a whole number >= 1 (got 0): a rule can only read earlier bars (at column 21)",
    );
    expect(entry("close > prev(close, -1)"), "k = -1").toThrow("must be a whole number >= 1 (got -1)");
    expect(entry("close > prev(close, $k)", { k: 1.5 }), "k = 1.5").toThrow("(got 1.5)");
    expect(entry("close > prev(close, volume)"), "k a column").toThrow(
      "k of prev(x, k) must be a constant (a number or $var), not a column",
    );
    expect(entry("close > highest(close, 0)"), "highest n = 0").toThrow(
      "n of highest(x, n) must be a whole number >= 1",
    );
    expect(entry("close < lowest(close, open)"), "lowest n a column").toThrow(
      "n of lowest(x, n) must be a constant",
    );
  });

  it("checks types: numbers for arithmetic and comparisons, conditions for logic and rules", () => {
    expect(entry("close and open"), "and of numbers").toThrow(
      "the left side of and must be a condition, not a number (at column 1)",
    );
    expect(entry("(close > 1) + 1 > 0"), "arithmetic on a condition").toThrow(
      "the left side of + must be a number, not a condition (at column 2)",
    );
    expect(entry("not close"), "not of a number").toThrow(
      "the operand of not must be a condition, not a number",
    );
    expect(entry("-(close > 1)"), "minus of a condition").toThrow("the operand of - must be a number");
    expect(entry("close + 1"), "rule is a number").toThrow(
      "a rule must be a condition (true or false on each bar), e.g. rsi(14) < 30, not a number (at column 1)",
    );
    expect(entry("highest(close > 1, 3) > 1"), "highest of a condition").toThrow(
      "x of highest(x, n) must be a number, not a condition",
    );
    expect(entry("bars_since(close) > 1"), "bars_since of a number").toThrow(
      "cond of bars_since(cond) must be a condition, not a number",
    );
    expect(entry("cross_above(close > 1, open)"), "cross of a condition").toThrow(
      "a of cross_above(a, b) must be a number",
    );
  });

  it("explains names used the wrong way", () => {
    expect(entry("close(1) > 1"), "column called").toThrow(
      "close is a candle column, not a function; its value k bars earlier is prev(close, k)",
    );
    expect(entry("prev > 1"), "function not called").toThrow("prev is a function: prev(x, k)");
    expect(entry("rsi > 1"), "indicator not called").toThrow("rsi is an indicator: call it, e.g. rsi()");
    expect(entry("prev(x=close, 1)"), "named args to a function").toThrow(
      "prev(x, k) takes positional arguments only (at column 6)",
    );
  });

  it("checks indicator params by name, by value and by the indicator's schema", () => {
    expect(entry("sma(length=10) > 1"), "unknown param").toThrow(
      'sma has no param "length"; params: period, field (at column 5)',
    );
    expect(entry("sma(10, period=20) > 1"), "given twice").toThrow(
      "sma: period is given twice (at column 9)",
    );
    expect(entry("sma(10, close) > 1"), "column not first").toThrow(
      "the candle column goes first: sma(close, ...) (at column 9)",
    );
    expect(entry("atr(close, 14) > 1"), "indicator without field").toThrow(
      "atr takes no candle column; params: period (at column 5)",
    );
    expect(entry("sma(period=close) > 1"), "column for a number param").toThrow(
      "sma: period takes a number or $var, not the candle column close",
    );
    expect(entry("sma(0) > 1"), "schema: period >= 1").toThrow(
      /sma: period: Too small: expected number to be >=1 \(got 0\) \(at column 1\)/,
    );
    expect(entry("sma(2.5) > 1"), "schema: whole period").toThrow(/sma: period: .*\(got 2\.5\)/);
    expect(entry("macd(26, 12, 9).hist > 1"), "schema refinement").toThrow(
      "macd: fast: fast (26) must be less than slow (12)",
    );
    expect(entry("sma(field=2) > 1"), "a number for field").toThrow(/sma: field: Invalid option/);
  });
});
