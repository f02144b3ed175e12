/**
 * @module strategies/rules/parse/tokenize
 * Splits a rule expression into tokens, each with its character offset for error carets. Numbers are decimal
 * (`70`, `0.5`, `1e-3`; a number starts with a digit, so `.` is always the output selector), names are
 * `[A-Za-z_][A-Za-z0-9_]*` (`and`, `or`, `not` are keywords), `$name` reads a var. Anything else (strings,
 * brackets, `&&`, `=>`) is not part of the language and is rejected here.
 */
import { type RuleSource, ruleError } from "./errors.js";

export type TokenKind = "number" | "name" | "var" | "keyword" | "op" | "end";

export interface Token {
  readonly kind: TokenKind;
  /** The source text (for `var`, the name without `$`). */
  readonly text: string;
  /** Character offset in the expression. */
  readonly pos: number;
  /** Numeric value of a `number` token. */
  readonly value?: number;
}

const KEYWORDS = new Set(["and", "or", "not"]);
const OPERATORS = ["<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "(", ")", ",", ".", "="];
const HINTS: Record<string, string> = {
  "&": 'write "and"',
  "|": 'write "or"',
  "!": 'write "not" (or != for "not equal")',
  "[": "write prev(x, k) for the value k bars earlier",
};
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s+/y;

export function tokenize(source: RuleSource): Token[] {
  const { text } = source;
  const tokens: Token[] = [];
  let pos = 0;
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    return re.exec(text)?.[0];
  };
  while (pos < text.length) {
    const space = match(SPACE);
    if (space !== undefined) {
      pos += space.length;
      continue;
    }
    const number = match(NUMBER);
    if (number !== undefined) {
      NAME.lastIndex = pos + number.length;
      if (NAME.exec(text)?.index === pos + number.length) {
        throw ruleError(
          source,
          pos + number.length,
          `unexpected ${quoteChar(text, pos + number.length)} after a number`,
        );
      }
      tokens.push({ kind: "number", text: number, pos, value: Number(number) });
      pos += number.length;
      continue;
    }
    if (text[pos] === "$") {
      NAME.lastIndex = pos + 1;
      const name = NAME.exec(text);
      if (name === null || name.index !== pos + 1) {
        throw ruleError(source, pos, "expected a var name after $, e.g. $fast");
      }
      tokens.push({ kind: "var", text: name[0], pos });
      pos += 1 + name[0].length;
      continue;
    }
    const name = match(NAME);
    if (name !== undefined) {
      tokens.push({ kind: KEYWORDS.has(name) ? "keyword" : "name", text: name, pos });
      pos += name.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, pos));
    if (op === undefined) {
      const hint = HINTS[text[pos]!];
      throw ruleError(
        source,
        pos,
        `unexpected ${quoteChar(text, pos)}${hint === undefined ? "" : `; ${hint}`}`,
      );
    }
    tokens.push({ kind: "op", text: op, pos });
    pos += op.length;
  }
  tokens.push({ kind: "end", text: "", pos: text.length });
  return tokens;
}

function quoteChar(text: string, pos: number): string {
  return JSON.stringify(String.fromCodePoint(text.codePointAt(pos)!));
}
