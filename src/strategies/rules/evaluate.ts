/**
 * @module strategies/rules/evaluate
 * Runs a compiled `Program` over whole columns: each step is one kernel call over every bar, then the four
 * conditions go through the position state machine into `out`. Input columns are read, never written. A step's
 * buffer goes back to a pool after its last reader, so a long expression needs a few columns, not one per node.
 */
import { StudioError } from "../../core/errors.js";
import { and, arith, type Operand as ColumnOperand, compare, negate, not, or } from "./column-ops.js";
import type { ValueType } from "./functions.js";
import { type Operand, type Program, RULE_KEYS, type RuleKey, type Step } from "./program.js";
import { positionTargets, type TargetReport } from "./targets.js";
import {
  barsSince,
  crossAbove,
  crossBelow,
  prevCondition,
  prevNumber,
  rollingExtreme,
} from "./window-ops.js";

type Column = Float64Array | Uint8Array;

export function evaluate(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  out: Float64Array,
): TargetReport {
  const c = evaluateConditions(program, inputs, out.length);
  return positionTargets(c.long_entry, c.long_exit, c.short_entry, c.short_exit, out);
}

/** Each rule's condition over `n` bars (1 = true); an empty rule is all 0. */
export function evaluateConditions(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  n: number,
): Record<RuleKey, Uint8Array> {
  const slots: Column[] = new Array(program.slotTypes.length);
  for (const { key, slot } of program.inputs) {
    const column = Object.hasOwn(inputs, key) ? inputs[key] : undefined;
    if (column === undefined || column.length !== n) {
      throw new StudioError(
        "INTERNAL",
        `rules: input ${JSON.stringify(key)} is ${column === undefined ? "missing" : `${column.length} bars long, not ${n}`}`,
      );
    }
    slots[slot] = column;
  }
  const isInput = new Set(program.inputs.map((i) => i.slot));
  const keep = new Set<number>();
  for (const c of Object.values(program.conditions)) if (c !== null && "slot" in c) keep.add(c.slot);
  const lastUse = new Map<number, number>();
  program.steps.forEach((step, i) => {
    for (const a of step.args) if ("slot" in a) lastUse.set(a.slot, i);
  });
  const pool: Record<ValueType, Column[]> = { number: [], condition: [] };
  program.steps.forEach((step, i) => {
    const type = program.slotTypes[step.out]!;
    const buffer = pool[type].pop() ?? (type === "number" ? new Float64Array(n) : new Uint8Array(n));
    slots[step.out] = buffer;
    run(step, slots, buffer);
    for (const slot of new Set(step.args.flatMap((a) => ("slot" in a ? [a.slot] : [])))) {
      if (lastUse.get(slot) === i && !keep.has(slot) && !isInput.has(slot)) {
        pool[program.slotTypes[slot]!].push(slots[slot]!);
      }
    }
  });
  const condition = (rule: RuleKey): Uint8Array => {
    const c = program.conditions[rule];
    if (c !== null && "slot" in c) return slots[c.slot] as Uint8Array;
    return new Uint8Array(n).fill(c === null ? 0 : c.value);
  };
  return Object.fromEntries(RULE_KEYS.map((rule) => [rule, condition(rule)])) as Record<RuleKey, Uint8Array>;
}

function run(step: Step, slots: readonly Column[], out: Column): void {
  const arg = (i: number): ColumnOperand => {
    const a: Operand = step.args[i]!;
    return "slot" in a ? (slots[a.slot] as Float64Array) : a.value;
  };
  const condition = (i: number): Uint8Array => slots[(step.args[i] as { slot: number }).slot] as Uint8Array;
  const numbers = (i: number): Float64Array => slots[(step.args[i] as { slot: number }).slot] as Float64Array;
  const k = step.k ?? 0;
  switch (step.op) {
    case "+":
    case "-":
    case "*":
    case "/":
      arith(step.op, arg(0), arg(1), out as Float64Array);
      break;
    case "<":
    case "<=":
    case ">":
    case ">=":
    case "==":
    case "!=":
      compare(step.op, arg(0), arg(1), out as Uint8Array);
      break;
    case "and":
      and(condition(0), condition(1), out as Uint8Array);
      break;
    case "or":
      or(condition(0), condition(1), out as Uint8Array);
      break;
    case "not":
      not(condition(0), out as Uint8Array);
      break;
    case "neg":
      negate(numbers(0), out as Float64Array);
      break;
    case "fill":
      out.fill(k);
      break;
    case "prev":
      if (out instanceof Uint8Array) prevCondition(condition(0), k, out);
      else prevNumber(numbers(0), k, out);
      break;
    case "cross_above":
      crossAbove(numbers(0), arg(1), out as Uint8Array);
      break;
    case "cross_below":
      crossBelow(numbers(0), arg(1), out as Uint8Array);
      break;
    case "highest":
    case "lowest":
      rollingExtreme(numbers(0), k, step.op === "highest", out as Float64Array);
      break;
    case "bars_since":
      barsSince(condition(0), out as Float64Array);
      break;
  }
}
