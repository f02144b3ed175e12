/**
 * @module strategies/rules/parse/parse
 * Recursive-descent parser of the rules language. Precedence, loosest first (all binary operators associate to
 * the left, except comparisons, which do not chain: `a < b < c` is an error):
 *   or  <  and  <  not  <  comparisons (< <= > >= == !=)  <  + -  <  * /  <  unary -  <  call, .output, ( )
 * An empty (or all-blank) expression parses to `null`. Nesting deeper than MAX_DEPTH is refused, so a hostile
 * config cannot overflow the stack.
 */
import type { Arg, BinaryOp, Node } from "./ast.js";
import { type RuleSource, ruleError } from "./errors.js";
import { type Token, tokenize } from "./tokenize.js";

export const MAX_DEPTH = 64;

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!="]);

export function parse(source: RuleSource): Node | null {
  const tokens = tokenize(source);
  let i = 0;
  let depth = 0;
  const peek = (): Token => tokens[i]!;
  const next = (): Token => tokens[i++]!;
  const is = (text: string): boolean => {
    const t = peek();
    return (t.kind === "op" || t.kind === "keyword") && t.text === text;
  };
  const fail = (t: Token, message: string): never => {
    throw ruleError(source, t.pos, message);
  };
  const describe = (t: Token): string => (t.kind === "end" ? "the end" : JSON.stringify(t.text));
  const expect = (text: string, what: string): Token => {
    if (!is(text)) fail(peek(), `expected ${what}, found ${describe(peek())}`);
    return next();
  };
  const nested = <T>(t: Token, f: () => T): T => {
    if (++depth > MAX_DEPTH) fail(t, `the expression nests deeper than ${MAX_DEPTH} levels`);
    const result = f();
    depth--;
    return result;
  };

  const binary = (ops: readonly string[], operand: () => Node): Node => {
    let left = operand();
    while (ops.some(is)) {
      const op = next();
      left = { type: "binary", op: op.text as BinaryOp, left, right: operand(), pos: op.pos };
    }
    return left;
  };
  const orExpr = (): Node => binary(["or"], andExpr);
  const andExpr = (): Node => binary(["and"], notExpr);
  const notExpr = (): Node => {
    if (!is("not")) return comparison();
    const op = next();
    return nested(op, () => ({ type: "unary", op: "not", operand: notExpr(), pos: op.pos }));
  };
  const comparison = (): Node => {
    const left = sum();
    const t = peek();
    if (t.kind !== "op" || !COMPARISONS.has(t.text)) return left;
    next();
    const node: Node = { type: "binary", op: t.text as BinaryOp, left, right: sum(), pos: t.pos };
    const after = peek();
    if (after.kind === "op" && COMPARISONS.has(after.text)) {
      fail(after, "comparisons do not chain: write a < b and b < c");
    }
    return node;
  };
  const sum = (): Node => binary(["+", "-"], product);
  const product = (): Node => binary(["*", "/"], unary);
  const unary = (): Node => {
    if (!is("-")) return postfix();
    const op = next();
    return nested(op, () => ({ type: "unary", op: "-", operand: unary(), pos: op.pos }));
  };
  const postfix = (): Node => {
    const node = primary();
    if (!is(".")) return node;
    const dot = next();
    const name = peek();
    if (name.kind !== "name") fail(name, `expected an output name after ".", found ${describe(name)}`);
    next();
    if (node.type !== "call") fail(dot, "only an indicator call has outputs, e.g. macd(12, 26, 9).hist");
    if (is(".")) fail(peek(), "an output has no outputs of its own");
    return { type: "output", object: node, output: name.text, pos: name.pos };
  };
  const primary = (): Node => {
    const t = next();
    switch (t.kind) {
      case "number":
        return { type: "number", value: t.value!, pos: t.pos };
      case "var":
        return { type: "var", name: t.text, pos: t.pos };
      case "name":
        return is("(") ? nested(t, () => call(t)) : { type: "name", name: t.text, pos: t.pos };
      case "op":
        if (t.text === "(") {
          const inner = nested(t, orExpr);
          expect(")", 'a closing ")"');
          return inner;
        }
        break;
      default:
        break;
    }
    return fail(t, `expected a number, a name, a $var or "(", found ${describe(t)}`);
  };
  const call = (callee: Token): Node => {
    next(); // "("
    const args: Arg[] = [];
    if (!is(")")) {
      do args.push(argument());
      while (is(",") && next());
    }
    expect(")", '"," or ")" after an argument');
    return { type: "call", callee: callee.text, args, pos: callee.pos };
  };
  const argument = (): Arg => {
    const t = peek();
    if (t.kind === "name" && tokens[i + 1]?.kind === "op" && tokens[i + 1]?.text === "=") {
      i += 2;
      return { name: t.text, namePos: t.pos, value: orExpr() };
    }
    return { value: orExpr() };
  };

  if (peek().kind === "end") return null;
  const root = orExpr();
  if (peek().kind !== "end") {
    const t = peek();
    fail(t, t.text === "=" ? "= names a call argument; compare with ==" : `unexpected ${describe(t)}`);
  }
  return root;
}
