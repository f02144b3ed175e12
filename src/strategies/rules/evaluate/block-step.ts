/**
 * @module strategies/rules/evaluate/block-step
 * Runs one step of a block plan over one block of bars: resolves its operands (the block's view of an input
 * column, a register, a constant) and calls its kernel. Steps that look back get the carry `stepCarry` made for
 * them at the start of the series, so each block continues exactly where the previous one stopped.
 */

import type { ValueType } from "../compile/functions.js";
import type { BlockStep, Place } from "./block-plan.js";
import { and, arith, compare, negate, not, type Operand, or } from "./column-ops.js";
import { ExtremeWindow } from "./extreme-window.js";
import type { Column } from "./scratch.js";
import {
  type BarsSinceCarry,
  barsSince,
  barsSinceCarry,
  type CrossCarry,
  conditionDelay,
  crossAbove,
  crossBelow,
  crossCarry,
  crossPair,
  type DelayLine,
  numberDelay,
  prevCondition,
  prevNumber,
  rollingExtreme,
} from "./window-ops.js";

export type StepCarry =
  | CrossCarry
  | BarsSinceCarry
  | DelayLine<Float64Array>
  | DelayLine<Uint8Array>
  | ExtremeWindow
  | null;

/** What `s` must remember between blocks of a series of `n` bars (null: nothing). */
export function stepCarry(s: BlockStep, type: ValueType, n: number): StepCarry {
  const k = s.step.k ?? 0;
  switch (s.step.op) {
    case "prev":
      return type === "number" ? numberDelay(k, n) : conditionDelay(k, n);
    case "cross_above":
    case "cross_below":
    case "cross_pair":
      return crossCarry();
    case "highest":
    case "lowest":
      return new ExtremeWindow(k, n);
    case "bars_since":
      return barsSinceCarry();
    default:
      return null;
  }
}

/** The block's value of an operand. */
function value(
  p: Place,
  inputs: readonly Float64Array[],
  registers: readonly Column[],
): Operand | Uint8Array {
  if ("input" in p) return inputs[p.input]!;
  if ("register" in p) return registers[p.register]!;
  return p.value;
}

export function runStep(
  s: BlockStep,
  inputs: readonly Float64Array[],
  registers: readonly Column[],
  carry: StepCarry,
): void {
  const { step } = s;
  const out = registers[s.out]!;
  const a = s.args.length > 0 ? value(s.args[0]!, inputs, registers) : 0;
  const b = s.args.length > 1 ? value(s.args[1]!, inputs, registers) : 0;
  const k = step.k ?? 0;
  switch (step.op) {
    case "+":
    case "-":
    case "*":
    case "/":
      arith(step.op, a as Operand, b as Operand, out as Float64Array);
      break;
    case "<":
    case "<=":
    case ">":
    case ">=":
    case "==":
    case "!=":
      compare(step.op, a as Operand, b as Operand, out as Uint8Array);
      break;
    case "and":
      and(a as Uint8Array, b as Uint8Array, out as Uint8Array);
      break;
    case "or":
      or(a as Uint8Array, b as Uint8Array, out as Uint8Array);
      break;
    case "not":
      not(a as Uint8Array, out as Uint8Array);
      break;
    case "neg":
      negate(a as Float64Array, out as Float64Array);
      break;
    case "fill":
      out.fill(k);
      break;
    case "prev":
      if (out instanceof Uint8Array) prevCondition(a as Uint8Array, k, out, carry as DelayLine<Uint8Array>);
      else prevNumber(a as Float64Array, k, out, carry as DelayLine<Float64Array>);
      break;
    case "cross_above":
      crossAbove(a as Float64Array, b as Operand, out as Uint8Array, carry as CrossCarry);
      break;
    case "cross_below":
      crossBelow(a as Float64Array, b as Operand, out as Uint8Array, carry as CrossCarry);
      break;
    case "cross_pair":
      crossPair(
        a as Float64Array,
        b as Operand,
        out as Uint8Array,
        registers[s.out2] as Uint8Array,
        carry as CrossCarry,
      );
      break;
    case "highest":
    case "lowest":
      rollingExtreme(
        a as Float64Array,
        k,
        step.op === "highest",
        out as Float64Array,
        carry as ExtremeWindow,
      );
      break;
    case "bars_since":
      barsSince(a as Uint8Array, out as Float64Array, carry as BarsSinceCarry);
      break;
  }
}
