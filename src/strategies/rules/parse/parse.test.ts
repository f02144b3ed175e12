import { describe, expect, it } from "vitest";
import type { Node } from "./ast.js";
import { MAX_DEPTH, parse } from "./parse.js";

/** The tree as an s-expression, so precedence is visible at a glance. */
function show(node: Node | null): string {
  if (node === null) return "null";
  switch (node.type) {
    case "number":
      return String(node.value);
    case "var":
      return `$${node.name}`;
    case "name":
      return node.name;
    case "call":
      return `${node.callee}(${node.args.map((a) => (a.name ? `${a.name}=${show(a.value)}` : show(a.value))).join(" ")})`;
    case "output":
      return `${show(node.object)}.${node.output}`;
    case "unary":
      return `(${node.op} ${show(node.operand)})`;
    case "binary":
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
  }
}
const tree = (text: string) => show(parse({ path: "p", text }));
const error = (text: string) => () => parse({ path: "p", text });

describe("parse", () => {
  it("parses an empty or blank expression to null", () => {
    expect(tree(""), "empty").toBe("null");
    expect(tree("  \n "), "blank").toBe("null");
  });

  it("binds * / tighter than + -, and both tighter than comparisons", () => {
    expect(tree("a + b * c < d - e / f"), "arithmetic inside the comparison").toBe(
      "(< (+ a (* b c)) (- d (/ e f)))",
    );
  });

  it("associates + - * / to the left", () => {
    expect(tree("a - b - c"), "minus").toBe("(- (- a b) c)");
    expect(tree("a / b * c"), "divide").toBe("(* (/ a b) c)");
  });

  it("orders not above comparisons, and above and, and and above or", () => {
    expect(tree("not a < b and c > d or e == f"), "Python's order").toBe(
      "(or (and (not (< a b)) (> c d)) (== e f))",
    );
    expect(tree("a or b and c"), "and binds tighter").toBe("(or a (and b c))");
    expect(tree("not not a"), "not repeats").toBe("(not (not a))");
  });

  it("binds unary minus tighter than * and lets parentheses override everything", () => {
    expect(tree("-a * b"), "unary minus").toBe("(* (- a) b)");
    expect(tree("(a or b) and c"), "parentheses").toBe("(and (or a b) c)");
    expect(tree("- - 2"), "double minus").toBe("(- (- 2))");
  });

  it("parses calls with positional and named arguments, $vars and an output", () => {
    expect(tree("macd(close, fast=12, slow=$slow, signal=9).hist"), "macd call").toBe(
      "macd(close fast=12 slow=$slow signal=9).hist",
    );
    expect(tree("obv()"), "no arguments").toBe("obv()");
    expect(tree("prev(sma(10) > 1, 2)"), "nested expression argument").toBe("prev((> sma(10) 1) 2)");
  });

  it("reports the column of each syntax error", () => {
    expect(error("rsi(14) <"), "missing operand").toThrow(
      'p: expected a number, a name, a $var or "(", found the end (at column 10)',
    );
    expect(error("(a > b"), "unclosed parenthesis").toThrow(
      'expected a closing ")", found the end (at column 7)',
    );
    expect(error("sma(10 20)"), "missing comma").toThrow(
      'expected "," or ")" after an argument, found "20" (at column 8)',
    );
    expect(error("a < b < c"), "chained comparison").toThrow(
      "comparisons do not chain: write a < b and b < c (at column 7)",
    );
    expect(error("a = b"), "assignment").toThrow("= names a call argument; compare with == (at column 3)");
    expect(error("a b"), "two values").toThrow('unexpected "b" (at column 3)');
    expect(error("close.hist"), "output of a non-call").toThrow(
      "only an indicator call has outputs, e.g. macd(12, 26, 9).hist (at column 6)",
    );
    expect(error("macd().hist.x"), "output of an output").toThrow(
      "an output has no outputs of its own (at column 12)",
    );
    expect(error("macd().1"), "output that is not a name").toThrow(
      'expected an output name after ".", found "1"',
    );
    expect(error("sma(,)"), "empty argument").toThrow('found "," (at column 5)');
    expect(error("and a"), "keyword first").toThrow('found "and" (at column 1)');
  });

  it("refuses nesting deeper than MAX_DEPTH instead of overflowing the stack", () => {
    const deep = `${"(".repeat(MAX_DEPTH + 1)}1${")".repeat(MAX_DEPTH + 1)}`;
    expect(error(deep), "too deep").toThrow(`the expression nests deeper than ${MAX_DEPTH} levels`);
    const ok = `${"(".repeat(MAX_DEPTH - 1)}1${")".repeat(MAX_DEPTH - 1)}`;
    expect(tree(ok), "just under the limit").toBe("1");
  });
});
