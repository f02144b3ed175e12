import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { compileProgram } from "../compile/compile.js";
import type { RulesSpec } from "../compile/program.js";
import { evaluate, evaluateConditions } from "./evaluate.js";

const N = Number.NaN;
const n = 400;

/** Shifted-looking columns: NaN at bar 0 (and a warm-up for the "indicator" columns), repeats, a NaN hole. */
function column(seed: number, warmup: number, scale = 10): Float64Array {
  const rng = Rng.fromSeed(seed);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++)
    out[t] = t < warmup || (t > 200 && t < 204) ? N : Math.round(rng.next() * scale);
  return out;
}
const C: Record<string, Float64Array> = {
  open: column(1, 1),
  high: column(2, 1),
  low: column(3, 1),
  close: column(4, 1),
  volume: column(5, 1, 1000),
  "sma(5)": column(6, 5),
  "sma(close,20)": column(7, 20),
  "macd(12,26,9).hist": column(8, 34, 4),
};
const x = (name: string, t: number) => C[name]![t]!;

function spec(rules: Partial<RulesSpec>): RulesSpec {
  return { long_entry: "", long_exit: "", short_entry: "", short_exit: "", vars: {}, ...rules };
}
function conditionOf(expression: string, vars: Record<string, number> = {}): Uint8Array {
  const { program } = compileProgram(spec({ long_entry: expression, vars }));
  return evaluateConditions(program, C, n).long_entry;
}

/** Reference values computed bar by bar with plain JavaScript, independent of the compiler. */
const prevOf = (name: string, t: number, k: number) => (t >= k ? x(name, t - k) : N);
function windowOf(name: string, t: number, w: number, f: (a: number, b: number) => number): number {
  if (t < w - 1) return N;
  let acc = x(name, t);
  for (let j = t - w + 1; j <= t; j++) acc = Number.isNaN(x(name, j)) ? N : f(acc, x(name, j));
  return acc;
}
function barsSinceOf(cond: (t: number) => boolean, t: number): number {
  for (let j = t; j >= 0; j--) if (cond(j)) return t - j;
  return N;
}

const CASES: {
  rule: string;
  expression: string;
  vars?: Record<string, number>;
  naive: (t: number) => boolean;
}[] = [
  {
    rule: "comparison of two columns",
    expression: "close > open",
    naive: (t) => x("close", t) > x("open", t),
  },
  { rule: "comparison with a number", expression: "close <= 4", naive: (t) => x("close", t) <= 4 },
  { rule: "number on the left", expression: "4 < close", naive: (t) => 4 < x("close", t) },
  {
    rule: "== and !=",
    expression: "close == open or high != low",
    naive: (t) =>
      x("close", t) === x("open", t) ||
      (x("high", t) !== x("low", t) && !Number.isNaN(x("high", t)) && !Number.isNaN(x("low", t))),
  },
  {
    rule: "arithmetic precedence",
    expression: "high - low * 2 > close / 2 + 1",
    naive: (t) => x("high", t) - x("low", t) * 2 > x("close", t) / 2 + 1,
  },
  { rule: "unary minus", expression: "-close < -5", naive: (t) => -x("close", t) < -5 },
  {
    rule: "parentheses",
    expression: "(high - low) * 2 > close",
    naive: (t) => (x("high", t) - x("low", t)) * 2 > x("close", t),
  },
  {
    rule: "and / or / not precedence",
    expression: "not close > 5 and open > 2 or volume > 900",
    naive: (t) => (!(x("close", t) > 5) && x("open", t) > 2) || x("volume", t) > 900,
  },
  {
    rule: "$vars",
    expression: "close > $lo and close < $hi",
    vars: { lo: 2, hi: 8 },
    naive: (t) => x("close", t) > 2 && x("close", t) < 8,
  },
  {
    rule: "constant arithmetic of vars",
    expression: "close > $lo * 2 - 1",
    vars: { lo: 3 },
    naive: (t) => x("close", t) > 5,
  },
  {
    rule: "indicator column",
    expression: "sma(5) > sma(close, 20)",
    naive: (t) => x("sma(5)", t) > x("sma(close,20)", t),
  },
  {
    rule: "indicator output",
    expression: "macd(12, 26, 9).hist > 2",
    naive: (t) => x("macd(12,26,9).hist", t) > 2,
  },
  {
    rule: "prev of a number",
    expression: "close > prev(close, 1)",
    naive: (t) => x("close", t) > prevOf("close", t, 1),
  },
  {
    rule: "prev with a $var",
    expression: "close > prev(high, $k)",
    vars: { k: 3 },
    naive: (t) => x("close", t) > prevOf("high", t, 3),
  },
  {
    rule: "prev of a condition",
    expression: "prev(close > open, 2)",
    naive: (t) => t >= 2 && x("close", t - 2) > x("open", t - 2),
  },
  {
    rule: "cross_above",
    expression: "cross_above(close, open)",
    naive: (t) => t > 0 && x("close", t - 1) < x("open", t - 1) && x("close", t) > x("open", t),
  },
  {
    rule: "cross_below",
    expression: "cross_below(close, open)",
    naive: (t) => t > 0 && x("close", t - 1) > x("open", t - 1) && x("close", t) < x("open", t),
  },
  {
    rule: "cross_above a level",
    expression: "cross_above(close, 5)",
    naive: (t) => t > 0 && x("close", t - 1) < 5 && x("close", t) > 5,
  },
  {
    rule: "cross_above from a level",
    expression: "cross_above(5, close)",
    naive: (t) => t > 0 && 5 < x("close", t - 1) && 5 > x("close", t),
  },
  {
    rule: "highest",
    expression: "close >= highest(high, 4)",
    naive: (t) => x("close", t) >= windowOf("high", t, 4, Math.max),
  },
  {
    rule: "lowest",
    expression: "close <= lowest(low, 3) + 1",
    naive: (t) => x("close", t) <= windowOf("low", t, 3, Math.min) + 1,
  },
  {
    rule: "bars_since",
    expression: "bars_since(close > 8) < 3",
    naive: (t) => barsSinceOf((j) => x("close", j) > 8, t) < 3,
  },
  {
    rule: "shared sub-expressions",
    expression: "(close > open and prev(close > open, 1)) or (close > open and volume > 500)",
    naive: (t) =>
      (x("close", t) > x("open", t) && t >= 1 && x("close", t - 1) > x("open", t - 1)) ||
      (x("close", t) > x("open", t) && x("volume", t) > 500),
  },
  { rule: "constant condition", expression: "1 < 2", naive: () => true },
  { rule: "constant folded away", expression: "close > open and 2 < 1", naive: () => false },
  {
    rule: "constant that drops out",
    expression: "close > open or 2 < 1",
    naive: (t) => x("close", t) > x("open", t),
  },
];

describe("evaluate: every grammar rule against a bar-by-bar reference", () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.expression}`, () => {
      // Alone, the last step is read inline by the state machine; under `and` it is computed as a column.
      const inline = conditionOf(c.expression, c.vars);
      const column = conditionOf(`(${c.expression}) and (${c.expression})`, c.vars);
      for (let t = 0; t < n; t++) {
        const want = c.naive(t) ? 1 : 0;
        if (inline[t] !== want) expect.fail(`inline, bar ${t}: ${inline[t]} vs ${want}`);
        if (column[t] !== want) expect.fail(`as a column, bar ${t}: ${column[t]} vs ${want}`);
      }
    });
  }

  it("makes every case above true on some bars and false on others (except the constant ones)", () => {
    for (const c of CASES.filter((k) => !k.rule.startsWith("constant"))) {
      const got = conditionOf(c.expression, c.vars);
      const trues = got.reduce((s, v) => s + v, 0);
      if (trues === 0 || trues === n)
        expect.fail(`${c.expression} is ${trues === 0 ? "never" : "always"} true`);
    }
  });
});

describe("evaluate", () => {
  it("turns the conditions into targets and counts the bars where both entries hold", () => {
    const { program } = compileProgram(
      spec({
        long_entry: "close > 7",
        long_exit: "close < 3",
        short_entry: "close < 1",
        short_exit: "close > 4",
      }),
    );
    const out = new Float64Array(n);
    const report = evaluate(program, C, out);
    let target = 0;
    for (let t = 0; t < n; t++) {
      const c = x("close", t);
      if (c > 7) target = 1;
      else if (c < 1) target = -1;
      else if (target === 1 && c < 3) target = 0;
      else if (target === -1 && c > 4) target = 0;
      if (out[t] !== target) expect.fail(`target at ${t}: ${out[t]} vs ${target}`);
    }
    expect(report, "entries cannot both hold here").toEqual({ bothEntries: 0, firstBothEntries: -1 });
    const both = evaluate(
      compileProgram(spec({ long_entry: "close > 5", short_entry: "close > 8" })).program,
      C,
      out,
    );
    const count = C.close!.filter((v) => v > 8).length;
    expect(both.bothEntries, "bars with close > 8").toBe(count);
    expect(both.firstBothEntries, "the first of them").toBe(C.close!.findIndex((v) => v > 8));
  });

  it("reuses step buffers without letting a long expression corrupt its own operands", () => {
    const expression =
      "prev(close, 1) + prev(close, 2) + prev(close, 3) + prev(close, 4) > prev(open, 1) * 4";
    const got = conditionOf(expression);
    for (let t = 0; t < n; t++) {
      const sum =
        prevOf("close", t, 1) + prevOf("close", t, 2) + prevOf("close", t, 3) + prevOf("close", t, 4);
      if (got[t] !== (sum > prevOf("open", t, 1) * 4 ? 1 : 0)) expect.fail(`bar ${t}`);
    }
  });

  it("never writes to its inputs", () => {
    const before = Float64Array.from(C.close!);
    conditionOf("prev(close, 1) - close > 0 and highest(close, 3) > 2");
    expect(Array.from(C.close!), "close untouched").toEqual(Array.from(before));
  });

  it("refuses a missing or wrongly sized input column", () => {
    const { program } = compileProgram(spec({ long_entry: "rsi(14) < 30" }));
    expect(() => evaluate(program, {}, new Float64Array(3)), "missing").toThrow(
      'rules: input "rsi(14)" is missing',
    );
    expect(() => evaluate(program, { "rsi(14)": new Float64Array(2) }, new Float64Array(3)), "short").toThrow(
      'rules: input "rsi(14)" is 2 bars long, not 3',
    );
  });
});
