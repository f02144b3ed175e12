/**
 * @module strategies/rules/compile/compile-rules
 * The rules compiler on its own, without the strategy plumbing: `compileRules(params, indicators)` checks the
 * four expressions against the catalog's indicators and returns the InputRef of every column they read plus an
 * `evaluate(inputs, out)` that writes the target of every bar from those (shifted) columns.
 * `compileEvaluator(params)` builds only the evaluator, without the catalog: the strategy's `signal` uses it,
 * since the plan has already checked the params through `compileRules`. Programs are memoized by params, so
 * the thousands of replications of a validation run compile once.
 */
import type { Registry } from "../../../core/catalog/registry.js";
import type { IndicatorDef } from "../../../indicators/types.js";
import { evaluate } from "../evaluate/evaluate.js";
import type { TargetReport } from "../evaluate/targets.js";
import { compileProgram } from "./compile.js";
import type { RuleInputRef } from "./indicator-call.js";
import type { Program, RulesSpec } from "./program.js";

export interface RulesEvaluator {
  /** Writes the target of every bar into `out` from the shifted input columns, by input key. */
  evaluate(inputs: Readonly<Record<string, Float64Array>>, out: Float64Array): TargetReport;
}

export interface CompiledRules extends RulesEvaluator {
  /** Every column the expressions read, by input key. */
  readonly inputs: Record<string, RuleInputRef>;
}

export function compileRules(
  params: RulesSpec,
  indicators: Registry<IndicatorDef>,
  path = "strategy.params",
): CompiledRules {
  const { program, inputs } = compileProgram(params, indicators, path);
  return { inputs, evaluate: (columns, out) => evaluate(program, columns, out) };
}

const MEMO_LIMIT = 64;
const memo = new Map<string, Program>();

export function compileEvaluator(params: RulesSpec): RulesEvaluator {
  const key = JSON.stringify([
    params.long_entry,
    params.long_exit,
    params.short_entry,
    params.short_exit,
    params.vars,
  ]);
  let program = memo.get(key);
  if (program === undefined) {
    program = compileProgram(params).program;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, program);
  }
  const compiled = program;
  return { evaluate: (columns, out) => evaluate(compiled, columns, out) };
}
