/**
 * @module strategies/rules/compile/compile
 * Compiles the four rule expressions of a `rules` config into one `Program`: a list of column steps over
 * numbered slots, run by `evaluate` once per block of bars, never per bar. On the way it type-checks (numbers vs
 * conditions), folds constants (numbers, `$vars` and arithmetic of them), shares repeated sub-expressions across
 * the four rules, and names every input column the program reads. Input keys are the call as written with its
 * constants folded (`sma(close,10)`, `macd(12,26,9).hist`, `close`), so they can be computed without the
 * catalog: with the catalog (`indicators`), every name, param and output is also checked and each key gets its
 * InputRef; without it (the signal side, after the plan checked everything) only the program is built.
 */

import { CANDLE_COLUMNS } from "../../../core/candles.js";
import type { Registry } from "../../../core/catalog/registry.js";
import type { IndicatorDef } from "../../../indicators/types.js";
import type { ArithOp, CompareOp } from "../evaluate/column-ops.js";
import type { Node } from "../parse/ast.js";
import { type RuleSource, ruleError } from "../parse/errors.js";
import { parse } from "../parse/parse.js";
import { RULE_FUNCTIONS, type ValueType } from "./functions.js";
import { type CallArg, indicatorRef, type RuleInputRef } from "./indicator-call.js";
import {
  fuseCrossPairs,
  live,
  type Operand,
  type Program,
  RULE_KEYS,
  type RuleKey,
  type RulesSpec,
  type Step,
  type StepOp,
} from "./program.js";

export interface CompiledProgram {
  readonly program: Program;
  /** The InputRef of every input key (only when compiled with the catalog). */
  readonly inputs: Record<string, RuleInputRef>;
}

interface Val {
  readonly type: ValueType;
  readonly operand: Operand;
}

const FIELDS: readonly string[] = CANDLE_COLUMNS;
const isConst = (v: Val): v is Val & { operand: { value: number } } => "value" in v.operand;
const COMPARE = new Set<string>(["<", "<=", ">", ">=", "==", "!="]);

/** Compiles `spec`; every mistake is CONFIG_INVALID under `{path}.{rule}` with a caret (see `ruleError`). */
export function compileProgram(
  spec: RulesSpec,
  indicators?: Registry<IndicatorDef>,
  path = "strategy.params",
): CompiledProgram {
  const inputSlots: { key: string; slot: number }[] = [];
  const slotTypes: ValueType[] = [];
  const slotOfKey = new Map<string, number>();
  const steps: Step[] = [];
  const inputs: Record<string, RuleInputRef> = {};

  const input = (key: string, ref: () => RuleInputRef | undefined): Val => {
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      const made = indicators === undefined ? undefined : ref();
      if (made !== undefined) inputs[key] = made;
      slot = slotTypes.length;
      slotTypes.push("number");
      inputSlots.push({ key, slot });
      slotOfKey.set(key, slot);
    }
    return { type: "number", operand: { slot } };
  };
  const emit = (op: StepOp, type: ValueType, args: readonly Operand[], k?: number): Val => {
    // Object.is tells -0 from 0, which arithmetic can tell apart (1 / -0 is -Infinity).
    const key = `${op}|${k ?? ""}|${args.map((a) => ("slot" in a ? `s${a.slot}` : `c${Object.is(a.value, -0) ? "-0" : a.value}`)).join(",")}`;
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slot = slotTypes.length;
      slotTypes.push(type);
      slotOfKey.set(key, slot);
      steps.push(k === undefined ? { op, args, out: slot } : { op, args, out: slot, k });
    }
    return { type, operand: { slot } };
  };
  /** A column for a value that may be constant (for kernels that need one). */
  const column = (v: Val): Operand =>
    isConst(v) ? emit("fill", v.type, [], v.operand.value).operand : v.operand;

  const compileRule = (rule: RuleKey): Operand | null => {
    const source: RuleSource = { path: `${path}.${rule}`, text: spec[rule] };
    const fail = (pos: number, message: string): never => {
      throw ruleError(source, pos, message);
    };
    const kind = (t: ValueType) => (t === "number" ? "a number" : "a condition");
    const want = (v: Val, type: ValueType, pos: number, what: string): Val =>
      v.type === type ? v : fail(pos, `${what} must be ${kind(type)}, not ${kind(v.type)}`);

    const count = (node: Node, what: string): number => {
      const v = value(node);
      if (!isConst(v) || v.type !== "number")
        fail(startOf(node), `${what} must be a constant (a number or $var), not a column`);
      const n = (v.operand as { value: number }).value;
      if (!Number.isSafeInteger(n) || n < 1) {
        fail(
          startOf(node),
          `${what} must be a whole number >= 1 (got ${n}): a rule can only read earlier bars`,
        );
      }
      return n;
    };

    const callArg = (arg: { name?: string; namePos?: number; value: Node }, callee: string): CallArg => {
      const node = arg.value;
      const base = {
        pos: startOf(node),
        ...(arg.name === undefined ? {} : { name: arg.name, namePos: arg.namePos }),
      };
      if (node.type === "name" && FIELDS.includes(node.name)) return { ...base, value: { field: node.name } };
      const v = value(node);
      if (!isConst(v) || v.type !== "number") {
        fail(
          startOf(node),
          `params of ${callee} must be constants (numbers, $vars and arithmetic of them) or a candle column`,
        );
      }
      return { ...base, value: (v.operand as { value: number }).value };
    };

    const indicatorCall = (node: Node & { type: "call" }, output?: { name: string; pos: number }): Val => {
      const args = node.args.map((a) => callArg(a, node.callee));
      const text = args.map(
        (a) =>
          `${a.name === undefined ? "" : `${a.name}=`}${typeof a.value === "number" ? a.value : a.value.field}`,
      );
      const key = `${node.callee}(${text.join(",")})${output === undefined ? "" : `.${output.name}`}`;
      if (indicators === undefined) return input(key, () => undefined);
      const def = Object.hasOwn(indicators, node.callee) ? indicators[node.callee] : undefined;
      if (def === undefined) return unknownName(node.callee, node.pos);
      const ref = indicatorRef(
        def,
        { callee: node.callee, pos: node.pos, args, ...(output ? { output } : {}) },
        source,
      );
      return input(key, () => ref);
    };

    const unknownName = (name: string, pos: number): never => {
      const listed = indicators === undefined ? "" : `; indicators: ${Object.keys(indicators).join(", ")}`;
      return fail(
        pos,
        `unknown name "${name}"${listed}; functions: ${Object.keys(RULE_FUNCTIONS).join(", ")}; candle columns: ${FIELDS.join(", ")}`,
      );
    };

    const builtin = (node: Node & { type: "call" }): Val => {
      const fn = RULE_FUNCTIONS[node.callee]!;
      const named = node.args.find((a) => a.name !== undefined);
      if (named !== undefined)
        fail(named.namePos ?? startOf(named.value), `${fn.signature} takes positional arguments only`);
      if (node.args.length !== fn.args.length) {
        fail(
          node.pos,
          `${fn.signature} takes ${fn.args.length} argument${fn.args.length === 1 ? "" : "s"}, got ${node.args.length}`,
        );
      }
      const argNames = fn.signature.slice(fn.name.length + 1, -1).split(", ");
      const [first, second] = node.args.map((a) => a.value) as [Node, Node | undefined];
      const what = (i: number) => `${argNames[i]} of ${fn.signature}`;
      switch (fn.name) {
        case "prev": {
          const x = value(first);
          const k = count(second!, what(1));
          return emit("prev", x.type, [column(x)], k);
        }
        case "highest":
        case "lowest": {
          const x = want(value(first), "number", startOf(first), what(0));
          return emit(fn.name, "number", [column(x)], count(second!, what(1)));
        }
        case "bars_since":
          return emit("bars_since", "number", [
            column(want(value(first), "condition", startOf(first), what(0))),
          ]);
        default: {
          const a = want(value(first), "number", startOf(first), what(0));
          const b = want(value(second!), "number", startOf(second!), what(1));
          if (isConst(a) && isConst(b)) return { type: "condition", operand: { value: 0 } };
          // cross_above(c, x) is x crossing below the level c, and the mirror.
          const mirrored = fn.name === "cross_above" ? "cross_below" : "cross_above";
          return isConst(a)
            ? emit(mirrored, "condition", [b.operand, a.operand])
            : emit(fn.name as StepOp, "condition", [a.operand, b.operand]);
        }
      }
    };

    const value = (node: Node): Val => {
      switch (node.type) {
        case "number":
          return { type: "number", operand: { value: node.value } };
        case "var": {
          if (!Object.hasOwn(spec.vars, node.name)) {
            const known = Object.keys(spec.vars);
            fail(
              node.pos,
              `unknown var $${node.name}; vars: ${known.length === 0 ? "(none; set them in vars)" : known.join(", ")}`,
            );
          }
          return { type: "number", operand: { value: spec.vars[node.name]! } };
        }
        case "name": {
          if (FIELDS.includes(node.name)) {
            return input(node.name, () => ({ name: "price", params: { field: node.name } }));
          }
          if (Object.hasOwn(RULE_FUNCTIONS, node.name))
            fail(node.pos, `${node.name} is a function: ${RULE_FUNCTIONS[node.name]!.signature}`);
          if (indicators !== undefined && Object.hasOwn(indicators, node.name)) {
            fail(node.pos, `${node.name} is an indicator: call it, e.g. ${node.name}()`);
          }
          return unknownName(node.name, node.pos);
        }
        case "call": {
          if (FIELDS.includes(node.callee)) {
            fail(
              node.pos,
              `${node.callee} is a candle column, not a function; its value k bars earlier is prev(${node.callee}, k)`,
            );
          }
          return Object.hasOwn(RULE_FUNCTIONS, node.callee) ? builtin(node) : indicatorCall(node);
        }
        case "output": {
          const call = node.object as Node & { type: "call" };
          if (Object.hasOwn(RULE_FUNCTIONS, call.callee) || FIELDS.includes(call.callee)) {
            fail(node.pos, `${call.callee} has no outputs; only indicators do`);
          }
          return indicatorCall(call, { name: node.output, pos: node.pos });
        }
        case "unary": {
          const v = want(
            value(node.operand),
            node.op === "-" ? "number" : "condition",
            startOf(node.operand),
            `the operand of ${node.op}`,
          );
          if (isConst(v))
            return {
              type: v.type,
              operand: { value: node.op === "-" ? -v.operand.value : 1 - v.operand.value },
            };
          return emit(node.op === "-" ? "neg" : "not", v.type, [v.operand]);
        }
        case "binary": {
          const logic = node.op === "and" || node.op === "or";
          const type: ValueType = logic ? "condition" : "number";
          const side = (n: Node, which: string) =>
            want(value(n), type, startOf(n), `the ${which} side of ${node.op}`);
          const a = side(node.left, "left");
          const b = side(node.right, "right");
          if (logic) return combine(node.op as "and" | "or", a, b);
          const result: ValueType = COMPARE.has(node.op) ? "condition" : "number";
          if (isConst(a) && isConst(b)) {
            return {
              type: result,
              operand: { value: fold(node.op as ArithOp | CompareOp, a.operand.value, b.operand.value) },
            };
          }
          return emit(node.op as StepOp, result, [a.operand, b.operand]);
        }
      }
    };

    const combine = (op: "and" | "or", a: Val, b: Val): Val => {
      // The absorbing constant decides (false for and, true for or); the other constant drops out.
      const absorbing = op === "and" ? 0 : 1;
      for (const [c, other] of [
        [a, b],
        [b, a],
      ] as const) {
        if (isConst(c)) return c.operand.value === absorbing ? c : other;
      }
      return emit(op, "condition", [a.operand, b.operand]);
    };

    const root = parse(source);
    if (root === null) return null;
    const result = value(root);
    if (result.type !== "condition") {
      fail(
        startOf(root),
        "a rule must be a condition (true or false on each bar), e.g. rsi(14) < 30, not a number",
      );
    }
    return result.operand;
  };

  const conditions = Object.fromEntries(RULE_KEYS.map((rule) => [rule, compileRule(rule)])) as Record<
    RuleKey,
    Operand | null
  >;
  return {
    program: { inputs: inputSlots, slotTypes, steps: fuseCrossPairs(live(steps, conditions)), conditions },
    inputs,
  };
}

/** Where a node's text starts (a binary node's `pos` is its operator). */
function startOf(node: Node): number {
  if (node.type === "binary") return startOf(node.left);
  if (node.type === "output") return startOf(node.object);
  return node.pos;
}

function fold(op: ArithOp | CompareOp, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "<":
      return a < b ? 1 : 0;
    case "<=":
      return a <= b ? 1 : 0;
    case ">":
      return a > b ? 1 : 0;
    case ">=":
      return a >= b ? 1 : 0;
    case "==":
      return a === b ? 1 : 0;
    case "!=":
      return a !== b && !Number.isNaN(a) && !Number.isNaN(b) ? 1 : 0;
  }
}
