/**
 * @module strategies/rules/evaluate/block-plan
 * Where each value of a `Program` lives while the evaluator runs one block of bars: an input column (read in
 * place), a register (a block-sized buffer), or a constant. Registers are assigned once per program, like a
 * compiler's register allocation: a step's result takes a free register of its type, and a register is free again
 * after the last step that reads it, so a long expression needs a few block buffers, not one per node. A step's
 * result never shares a register with its own operands (kernels may clear their output before reading). Each
 * rule's condition keeps its register until the state machine has read the block; a rule folded to a constant
 * gets a register filled once.
 */
import type { ValueType } from "../compile/functions.js";
import { type Program, RULE_KEYS, type RuleKey, type Step } from "../compile/program.js";

export type Place = { readonly input: number } | { readonly register: number } | { readonly value: number };

export interface BlockStep {
  readonly step: Step;
  /** Where each of `step.args` is read. */
  readonly args: readonly Place[];
  /** The register written (and the second one of `cross_pair`, else -1). */
  readonly out: number;
  readonly out2: number;
}

export interface BlockPlan {
  /** Input keys in the order of `{ input }` places. */
  readonly inputs: readonly string[];
  /** Each register's type: a Float64Array or a Uint8Array of one block. */
  readonly registers: readonly ValueType[];
  readonly steps: readonly BlockStep[];
  /** Each rule's condition register; null for an empty rule. */
  readonly conditions: Readonly<Record<RuleKey, number | null>>;
  /** Registers that hold a constant condition, written once per evaluation. */
  readonly constants: readonly { readonly register: number; readonly value: number }[];
}

const plans = new WeakMap<Program, BlockPlan>();

/** The plan of `program` (made once per program). */
export function blockPlan(program: Program): BlockPlan {
  let plan = plans.get(program);
  if (plan === undefined) {
    plan = makePlan(program);
    plans.set(program, plan);
  }
  return plan;
}

function makePlan(program: Program): BlockPlan {
  const place = new Map<number, Place>();
  program.inputs.forEach(({ slot }, input) => {
    place.set(slot, { input });
  });
  const registers: ValueType[] = [];
  const free: Record<ValueType, number[]> = { number: [], condition: [] };
  const take = (type: ValueType): number => free[type].pop() ?? registers.push(type) - 1;

  const kept = new Set<number>();
  for (const c of Object.values(program.conditions)) if (c !== null && "slot" in c) kept.add(c.slot);
  const lastUse = new Map<number, number>();
  program.steps.forEach((step, i) => {
    for (const a of step.args) if ("slot" in a) lastUse.set(a.slot, i);
  });

  const steps = program.steps.map((step, i): BlockStep => {
    const args = step.args.map((a): Place => ("slot" in a ? place.get(a.slot)! : { value: a.value }));
    const out = take(program.slotTypes[step.out]!);
    place.set(step.out, { register: out });
    let out2 = -1;
    if (step.out2 !== undefined) {
      out2 = take("condition");
      place.set(step.out2, { register: out2 });
    }
    for (const slot of new Set(step.args.flatMap((a) => ("slot" in a ? [a.slot] : [])))) {
      const p = place.get(slot)!;
      if (lastUse.get(slot) === i && !kept.has(slot) && "register" in p) {
        free[program.slotTypes[slot]!].push(p.register);
      }
    }
    return { step, args, out, out2 };
  });

  const constants: { register: number; value: number }[] = [];
  const conditions = {} as Record<RuleKey, number | null>;
  for (const rule of RULE_KEYS) {
    const c = program.conditions[rule];
    if (c === null) conditions[rule] = null;
    else if ("slot" in c) conditions[rule] = (place.get(c.slot) as { register: number }).register;
    else {
      const register = registers.push("condition") - 1;
      constants.push({ register, value: c.value });
      conditions[rule] = register;
    }
  }
  return { inputs: program.inputs.map((i) => i.key), registers, steps, conditions, constants };
}
