import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { compileProgram } from "../compile/compile.js";
import type { RulesSpec } from "../compile/program.js";
import type { Node } from "../parse/ast.js";
import { parse } from "../parse/parse.js";
import { BLOCK_BARS, evaluate, evaluateConditions } from "./evaluate.js";
import { Scratch } from "./scratch.js";

const N = Number.NaN;
const FIELDS = ["open", "high", "low", "close", "volume"] as const;

/** Columns with repeats (ties), a warm-up of NaN and NaN holes, some of them across the block edges tested. */
function columns(n: number, seed: number): Record<string, Float64Array> {
  const rng = Rng.fromSeed(seed);
  return Object.fromEntries(
    FIELDS.map((field) => {
      const c = new Float64Array(n);
      for (let t = 0; t < n; t++)
        c[t] = t === 0 || (t % 97 >= 60 && t % 97 < 63) ? N : Math.floor(rng.next() * 8);
      return [field, c];
    }),
  );
}

/**
 * The language evaluated the slow, obvious way: one bar at a time, straight from the syntax tree, each function
 * written from its definition in docs/strategies.md (nothing shared with the kernels). Conditions are 1/0.
 */
function reference(node: Node, data: Record<string, Float64Array>, vars: Record<string, number>) {
  const at = (e: Node, t: number): number => {
    switch (e.type) {
      case "number":
        return e.value;
      case "var":
        return vars[e.name]!;
      case "name":
        return t < 0 ? N : data[e.name]![t]!;
      case "unary":
        return e.op === "-" ? -at(e.operand, t) : at(e.operand, t) === 1 ? 0 : 1;
      case "binary": {
        const a = at(e.left, t);
        const b = at(e.right, t);
        const both = !Number.isNaN(a) && !Number.isNaN(b);
        const ops: Record<string, () => number> = {
          "+": () => a + b,
          "-": () => a - b,
          "*": () => a * b,
          "/": () => a / b,
          "<": () => +(a < b),
          "<=": () => +(a <= b),
          ">": () => +(a > b),
          ">=": () => +(a >= b),
          "==": () => +(a === b),
          "!=": () => +(both && a !== b),
          and: () => +(a === 1 && b === 1),
          or: () => +(a === 1 || b === 1),
        };
        return ops[e.op]!();
      }
      case "call": {
        const [x, y] = e.args.map((a) => a.value) as [Node, Node];
        if (e.callee === "prev") {
          const k = at(y, t);
          // Before bar 0 a number is NaN and a condition false; `isCondition` tells them apart.
          return t - k < 0 ? (isCondition(x) ? 0 : N) : at(x, t - k);
        }
        if (e.callee === "cross_above" || e.callee === "cross_below") {
          if (t < 1) return 0;
          const [pa, pb, a, b] = [at(x, t - 1), at(y, t - 1), at(x, t), at(y, t)];
          return e.callee === "cross_above" ? +(pa < pb && a > b) : +(pa > pb && a < b);
        }
        if (e.callee === "highest" || e.callee === "lowest") {
          const w = at(y, t);
          if (t < w - 1) return N;
          const values = Array.from({ length: w }, (_, j) => at(x, t - j));
          if (values.some(Number.isNaN)) return N;
          return e.callee === "highest" ? Math.max(...values) : Math.min(...values);
        }
        if (e.callee === "bars_since") {
          for (let j = t; j >= 0; j--) if (at(x, j) === 1) return t - j;
          return N;
        }
        throw new Error(`the reference has no ${e.callee}`);
      }
      case "output":
        throw new Error("the reference reads candle columns only");
    }
  };
  const isCondition = (e: Node): boolean =>
    (e.type === "binary" && !["+", "-", "*", "/"].includes(e.op)) ||
    (e.type === "unary" && e.op === "not") ||
    (e.type === "call" && ["cross_above", "cross_below"].includes(e.callee)) ||
    (e.type === "call" && e.callee === "prev" && isCondition(e.args[0]!.value));
  return (t: number) => at(node, t);
}

function spec(rules: Partial<RulesSpec>, vars: Record<string, number> = {}): RulesSpec {
  return { long_entry: "", long_exit: "", short_entry: "", short_exit: "", vars, ...rules };
}

/** Functions whose windows reach back across block edges, with n, k and windows below, at and above a block. */
const EXPRESSIONS = [
  "close > prev(close, 1)",
  "prev(close > open, 3)",
  "close > prev(high, $k)",
  "close >= prev(close, 500) or close > 6",
  "cross_above(close, open)",
  "cross_below(close + 1, prev(open, 2))",
  "cross_above(close, 4) or cross_below(4, high)",
  "cross_above(close, open) or cross_below(close, open) and volume > 3",
  "cross_above(high, 3) or cross_below(high, 3)",
  "close >= highest(high, 5)",
  "close >= highest(high, $w)",
  "low <= lowest(low, 37) + 1",
  "highest(close, 2) > lowest(open, 20)",
  "close > highest(prev(close, 1), 9)",
  "bars_since(close > 6) < 5",
  "bars_since(cross_above(close, open)) > 2",
  "prev(bars_since(close == 7), 4) >= 3",
];
const VARS = { k: 17, w: 64 };
const BLOCKS = [1, 3, 5, 7, 16, 64];

describe("blocked evaluation: the same bars whatever the block size", () => {
  for (const n of [400, 50]) {
    const data = columns(n, n);
    for (const expression of EXPRESSIONS) {
      it(`${expression} over ${n} bars equals the bar-by-bar reference for blocks of ${BLOCKS.join(", ")} and ${BLOCK_BARS}`, () => {
        const want = reference(parse({ path: "x", text: expression })!, data, VARS);
        const { program } = compileProgram(spec({ long_entry: expression }, VARS));
        let trues = 0;
        for (const block of [...BLOCKS, BLOCK_BARS]) {
          const got = evaluateConditions(program, data, n, block).long_entry;
          for (let t = 0; t < n; t++) {
            if (got[t] !== want(t)) expect.fail(`block ${block}, bar ${t}: ${got[t]} vs ${want(t)}`);
          }
          trues = got.reduce((s, v) => s + v, 0);
        }
        // A rule that is always or never true would not show a window crossing an edge.
        if (n === 400 && (trues === 0 || trues === n))
          expect.fail(`${expression} is constant over ${n} bars`);
      });
    }
  }

  const LONG_SHORT = spec({
    long_entry: "cross_above(close, prev(close, 2))",
    long_exit: "close < lowest(low, 6) + 1",
    short_entry: "bars_since(close == 0) == 1",
    short_exit: "close > highest(high, 11) - 2",
  });
  const LONG_ONLY = spec({ long_entry: LONG_SHORT.long_entry, long_exit: LONG_SHORT.long_exit });
  for (const [what, rules] of [
    ["long and short rules", LONG_SHORT],
    ["long rules only", LONG_ONLY],
  ] as const) {
    it(`carries the position and the both-entries count across block edges (${what})`, () => {
      const n = 400;
      const data = columns(n, 5);
      const never = () => 0;
      const [le, lx, se, sx] = (["long_entry", "long_exit", "short_entry", "short_exit"] as const).map(
        (rule) =>
          rules[rule] === "" ? never : reference(parse({ path: rule, text: rules[rule] })!, data, {}),
      ) as [(t: number) => number, (t: number) => number, (t: number) => number, (t: number) => number];
      const want = new Float64Array(n);
      let target = 0;
      let both = 0;
      let first = -1;
      for (let t = 0; t < n; t++) {
        if (le(t) === 1 && se(t) === 1) {
          if (both++ === 0) first = t;
        } else if (le(t) === 1) target = 1;
        else if (se(t) === 1) target = -1;
        else if (target === 1 && lx(t) === 1) target = 0;
        else if (target === -1 && sx(t) === 1) target = 0;
        want[t] = target;
      }
      const changes = want.filter((v, t) => t > 0 && v !== want[t - 1]).length;
      expect(changes, "the target changes often, so many changes straddle block edges").toBeGreaterThan(20);
      if (rules === LONG_SHORT) expect(both, "both entries hold on some bars").toBeGreaterThan(0);
      const { program } = compileProgram(rules);
      for (const block of [...BLOCKS, 13, BLOCK_BARS]) {
        const out = new Float64Array(n).fill(N);
        const report = evaluate(program, data, out, new Scratch(), block);
        for (let t = 0; t < n; t++)
          if (out[t] !== want[t]) expect.fail(`block ${block}, target at ${t}: ${out[t]} vs ${want[t]}`);
        expect(report, `block ${block}: both entries counted once each, first at its bar`).toEqual({
          bothEntries: both,
          firstBothEntries: first,
        });
      }
    });
  }

  it("reuses one scratch across series of different lengths without mixing them up", () => {
    const scratch = new Scratch();
    const { program } = compileProgram(
      spec({ long_entry: "close > highest(prev(close, 1), 3)", long_exit: "close < 2" }),
    );
    const results = [30, 400, 30].map((n) => {
      const out = new Float64Array(n);
      evaluate(program, columns(n, 9), out, scratch, 16);
      return Array.from(out);
    });
    expect(results[2], "the short series again, after a long one").toEqual(results[0]);
  });
});
