/**
 * @module strategies/rules/parse/errors
 * How a rule expression reports a mistake: CONFIG_INVALID naming the param's path (`strategy.params.long_entry`),
 * the column, the expression itself and a caret under the offending character, so the user sees where without
 * counting. Every parse, name and type error of the rules language goes through `ruleError`.
 */
import { StudioError } from "../../../core/errors.js";

/** One expression being compiled: where it sits in the config and its text. */
export interface RuleSource {
  /** JSON path of the param, e.g. `strategy.params.long_entry`. */
  readonly path: string;
  readonly text: string;
}

/** CONFIG_INVALID for `message` at character offset `pos` of `source.text`. */
export function ruleError(source: RuleSource, pos: number, message: string): StudioError {
  const { text } = source;
  const at = Math.max(0, Math.min(pos, text.length));
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\s/g, " ");
  const column = at - lineStart + 1;
  const lineNo = text.slice(0, lineStart).split("\n").length;
  const where = text.includes("\n") ? `line ${lineNo}, column ${column}` : `column ${column}`;
  const full = `${source.path}: ${message} (at ${where})\n  ${line}\n  ${" ".repeat(column - 1)}^`;
  return new StudioError("CONFIG_INVALID", full, {
    issues: [{ path: source.path, message, value: text, line: lineNo, column }],
  });
}
