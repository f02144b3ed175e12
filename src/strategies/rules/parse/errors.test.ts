import { describe, expect, it } from "vitest";
import { StudioError } from "../../../core/errors.js";
import { ruleError } from "./errors.js";

describe("ruleError", () => {
  it("quotes the expression with a caret under the 1-based column", () => {
    const err = ruleError({ path: "strategy.params.long_entry", text: "rsi(14) < " }, 10, "expected a value");
    expect(err, "a StudioError").toBeInstanceOf(StudioError);
    expect(err.code, "config problem").toBe("CONFIG_INVALID");
    expect(err.message, "path, message, column, expression, caret").toBe(
      "strategy.params.long_entry: expected a value (at column 11)\n  rsi(14) < \n            ^",
    );
    expect(err.details, "the issue names path, text and column").toEqual({
      issues: [
        {
          path: "strategy.params.long_entry",
          message: "expected a value",
          value: "rsi(14) < ",
          line: 1,
          column: 11,
        },
      ],
    });
  });

  it("shows only the offending line of a multi-line expression, tabs drawn as spaces", () => {
    const err = ruleError({ path: "p", text: "close > 1 and\n\tfoo(2)" }, 15, "unknown name");
    expect(err.message, "line 2, caret under foo").toBe(
      "p: unknown name (at line 2, column 2)\n   foo(2)\n   ^",
    );
  });
});
