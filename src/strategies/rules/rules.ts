/**
 * @module strategies/rules/rules
 * The `rules` strategy: new logic without code. Its params are four expressions in the rules language
 * (docs/strategies.md) and the numbers they read as `$name`; a config holding them can be submitted over HTTP,
 * hashed and swept like any other params, because it names indicators and never carries code. `inputs()`
 * compiles the expressions against the run's catalog (every name, param and output checked, CONFIG_INVALID with a
 * caret otherwise) and returns every indicator they call, so those go through the feature cache and
 * features.parquet like a declared indicator. `signal()` evaluates them column by column and reports the bars
 * where both entries held.
 */
import { z } from "zod";
import { defineStrategy } from "../types.js";
import { compileEvaluator, compileRules } from "./compile/compile-rules.js";

/** Long enough for any real rule, short enough that a config cannot make the parser do unbounded work. */
export const MAX_EXPRESSION_LENGTH = 2_000;

const expression = (what: string) =>
  z
    .string()
    .max(MAX_EXPRESSION_LENGTH)
    .default("")
    .describe(`${what} Written in the rules language; empty means never.`);

const schema = z.strictObject({
  long_entry: expression("Condition that makes the target +1 (long), reversing a short."),
  long_exit: expression("Condition that closes a long (target 0)."),
  short_entry: expression("Condition that makes the target -1 (short), reversing a long."),
  short_exit: expression("Condition that closes a short (target 0)."),
  vars: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected a name like fast or rsi_period"),
      z.number(),
    )
    .default({})
    .describe("Numbers the expressions read as $name; a walk-forward grid varies one as vars.NAME."),
});

export const rules = defineStrategy({
  name: "rules",
  summary: "Long/short entry and exit conditions written as expressions over any catalog indicator.",
  schema,
  inputs: (params, ctx) => compileRules(params, ctx.indicators).inputs,
  signal: (inputs, params, out) => {
    const { bothEntries, firstBothEntries } = compileEvaluator(params).evaluate(inputs, out);
    if (bothEntries === 0) return undefined;
    return {
      warnings: [
        `rules: long_entry and short_entry were both true on ${bothEntries} bar${bothEntries === 1 ? "" : "s"} (first at bar ${firstBothEntries}); the target did not change on those bars`,
      ],
    };
  },
});
