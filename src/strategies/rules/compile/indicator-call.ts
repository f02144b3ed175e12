/**
 * @module strategies/rules/compile/indicator-call
 * Turns an indicator call of a rule expression into the InputRef the planner resolves, checked against the
 * indicator's own schema so a mistake points at the call. Arguments map to params in the schema's declared
 * order, except that an indicator with a `field` param takes a candle column as an optional first argument:
 * `sma(close, 10)`, `sma(10)` and `sma(period=10, field=close)` are the same call. Only `field` takes a candle
 * column; every other param takes a constant (the compiler has folded numbers and $vars into values already).
 */
import { configError } from "../../../core/catalog/registry.js";
import type { IndicatorDef } from "../../../indicators/types.js";
import { type RuleSource, ruleError } from "../parse/errors.js";

/** A reference to an indicator output, as the strategy contract names inputs. */
export interface RuleInputRef {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly output?: string;
}

/** One argument after constant folding: a number or a candle column name. */
export interface CallArg {
  readonly name?: string;
  readonly namePos?: number;
  readonly pos: number;
  readonly value: number | { readonly field: string };
}

export interface IndicatorCall {
  readonly callee: string;
  readonly pos: number;
  readonly args: readonly CallArg[];
  readonly output?: { readonly name: string; readonly pos: number };
}

export function indicatorRef(def: IndicatorDef, call: IndicatorCall, source: RuleSource): RuleInputRef {
  const fail = (pos: number, message: string): never => {
    throw ruleError(source, pos, message);
  };
  const keys = Object.keys((def.schema as { shape?: Record<string, unknown> }).shape ?? {});
  const hasField = keys.includes("field");
  const others = keys.filter((k) => k !== "field");
  const params: Record<string, unknown> = {};
  const positional = call.args.filter((a) => a.name === undefined);
  const leadingField = hasField && positional.length > 0 && typeof positional[0]!.value !== "number";
  const order = leadingField ? ["field", ...others] : others;
  const signature = `${def.name}(${(hasField ? ["field", ...others] : others).join(", ")})`;
  positional.forEach((arg, i) => {
    const { value } = arg;
    if (typeof value !== "number") {
      if (!hasField)
        fail(arg.pos, `${def.name} takes no candle column; params: ${keys.join(", ") || "(none)"}`);
      if (i > 0) fail(arg.pos, `the candle column goes first: ${def.name}(${value.field}, ...)`);
    }
    if (i >= order.length) fail(arg.pos, `too many arguments for ${signature}`);
    params[order[i]!] = typeof value === "number" ? value : value.field;
  });
  for (const arg of call.args) {
    if (arg.name === undefined) continue;
    const at = arg.namePos ?? arg.pos;
    if (!keys.includes(arg.name)) {
      fail(at, `${def.name} has no param "${arg.name}"; params: ${keys.join(", ") || "(none)"}`);
    }
    if (Object.hasOwn(params, arg.name)) fail(at, `${def.name}: ${arg.name} is given twice`);
    const { value } = arg;
    if (typeof value !== "number" && arg.name !== "field") {
      fail(arg.pos, `${def.name}: ${arg.name} takes a number or $var, not the candle column ${value.field}`);
    }
    params[arg.name] = typeof value === "number" ? value : value.field;
  }
  const parsed = def.schema.safeParse(params);
  if (!parsed.success) fail(call.pos, `${def.name}: ${configError(parsed.error, params).message}`);
  if (call.output !== undefined && !def.outputs.includes(call.output.name)) {
    fail(
      call.output.pos,
      `${def.name} has no output "${call.output.name}"; outputs: ${def.outputs.join(", ")}`,
    );
  }
  if (def.outputs.length > 1 && call.output === undefined) {
    fail(
      call.pos,
      `${def.name} has several outputs (${def.outputs.join(", ")}): pick one, e.g. ${def.name}(...).${def.outputs.at(-1)}`,
    );
  }
  return def.outputs.length > 1
    ? { name: def.name, params, output: call.output!.name }
    : { name: def.name, params };
}
