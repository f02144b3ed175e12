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
import { type Column, Scratch } from "./scratch.js";
import { positionTargets, type TargetReport } from "./targets.js";
import {
  barsSince,
  crossAbove,
  crossBelow,
  crossPair,
  prevCondition,
  prevNumber,
  rollingExtreme,
} from "./window-ops.js";

/** The scratch `evaluate` uses between calls (one per thread: workers load their own copy of this module). */
const shared = new Scratch();

export function evaluate(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  out: Float64Array,
  scratch: Scratch = shared,
): TargetReport {
  const { conditions, release } = runSteps(program, inputs, out.length, scratch);
  const none = scratch.zeros(out.length);
  const c = (rule: RuleKey) => conditions[rule] ?? null;
  const report = positionTargets(
    c("long_entry") ?? none,
    c("long_exit") ?? none,
    c("short_entry"),
    c("short_exit"),
    out,
    none,
  );
  release();
  return report;
}

/** Each rule's condition over `n` bars (1 = true) in fresh columns; an empty rule is all 0. */
export function evaluateConditions(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  n: number,
): Record<RuleKey, Uint8Array> {
  const { conditions } = runSteps(program, inputs, n, new Scratch());
  return Object.fromEntries(RULE_KEYS.map((rule) => [rule, conditions[rule] ?? new Uint8Array(n)])) as Record<
    RuleKey,
    Uint8Array
  >;
}

/**
 * Runs every step; each rule's condition column (null for an empty rule). `release` hands every column back to
 * the scratch once the caller is done with them.
 */
function runSteps(
  program: Program,
  inputs: Readonly<Record<string, Float64Array>>,
  n: number,
  scratch: Scratch,
): { conditions: Record<RuleKey, Uint8Array | null>; release: () => void } {
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
  const keep = new Set<number>();
  for (const c of Object.values(program.conditions)) if (c !== null && "slot" in c) keep.add(c.slot);
  const lastUse = new Map<number, number>();
  program.steps.forEach((step, i) => {
    for (const a of step.args) if ("slot" in a) lastUse.set(a.slot, i);
  });
  const computed = new Set(program.steps.flatMap((s) => (s.out2 === undefined ? [s.out] : [s.out, s.out2])));
  const held: { type: ValueType; column: Column }[] = [];
  program.steps.forEach((step, i) => {
    const type = program.slotTypes[step.out]!;
    const buffer = scratch.take(type, n);
    slots[step.out] = buffer;
    if (step.out2 !== undefined) slots[step.out2] = scratch.take("condition", n);
    run(step, slots, buffer);
    for (const slot of new Set(step.args.flatMap((a) => ("slot" in a ? [a.slot] : [])))) {
      // A column goes back after its last reader, unless it is an input or a rule's condition.
      if (lastUse.get(slot) === i && computed.has(slot) && !keep.has(slot)) {
        scratch.give(program.slotTypes[slot]!, slots[slot]!);
      }
    }
  });
  for (const slot of keep) held.push({ type: "condition", column: slots[slot]! });
  const conditions = {} as Record<RuleKey, Uint8Array | null>;
  for (const rule of RULE_KEYS) {
    const c = program.conditions[rule];
    if (c === null) conditions[rule] = null;
    else if ("slot" in c) conditions[rule] = slots[c.slot] as Uint8Array;
    else {
      const filled = scratch.take("condition", n).fill(c.value) as Uint8Array;
      held.push({ type: "condition", column: filled });
      conditions[rule] = filled;
    }
  }
  return {
    conditions,
    release: () => {
      for (const h of held) scratch.give(h.type, h.column);
    },
  };
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
    case "cross_pair":
      crossPair(numbers(0), arg(1), out as Uint8Array, slots[step.out2!] as Uint8Array);
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
