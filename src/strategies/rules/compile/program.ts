/**
 * @module strategies/rules/compile/program
 * What the rules compiler produces and the evaluator runs: numbered slots (input columns and step results), the
 * column steps in dependency order, and the condition of each of the four rules.
 */
import type { ArithOp, CompareOp } from "../evaluate/column-ops.js";
import type { ValueType } from "./functions.js";

export const RULE_KEYS = ["long_entry", "long_exit", "short_entry", "short_exit"] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export interface RulesSpec extends Readonly<Record<RuleKey, string>> {
  readonly vars: Readonly<Record<string, number>>;
}

/** A step argument: a slot, or a constant (a number; 0/1 for a condition). */
export type Operand = { readonly slot: number } | { readonly value: number };

export type StepOp =
  | ArithOp
  | CompareOp
  | "and"
  | "or"
  | "not"
  | "neg"
  | "fill"
  | "prev"
  | "cross_above"
  | "cross_below"
  | "cross_pair"
  | "highest"
  | "lowest"
  | "bars_since";

export interface Step {
  readonly op: StepOp;
  readonly args: readonly Operand[];
  /** Slot written; its type is `slotTypes[out]`. */
  readonly out: number;
  /** Second slot written, by `cross_pair` only: cross_below of the same operands (`out` is cross_above). */
  readonly out2?: number;
  /** The constant of prev (k), highest/lowest (n) and fill (the value). */
  readonly k?: number;
}

export interface Program {
  /** The input column each input slot holds, by key. */
  readonly inputs: readonly { readonly key: string; readonly slot: number }[];
  readonly slotTypes: readonly ValueType[];
  /** In dependency order; only steps some condition needs. */
  readonly steps: readonly Step[];
  /** Each rule's condition; null for an empty expression (never true). */
  readonly conditions: Readonly<Record<RuleKey, Operand | null>>;
}

/** The steps some condition depends on (folding can leave others behind, e.g. `x and 1 > 2`). */
export function live(steps: readonly Step[], conditions: Readonly<Record<RuleKey, Operand | null>>): Step[] {
  const needed = new Set<number>();
  for (const c of Object.values(conditions)) if (c !== null && "slot" in c) needed.add(c.slot);
  const kept: Step[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (!needed.has(step.out)) continue;
    kept.push(step);
    for (const a of step.args) if ("slot" in a) needed.add(a.slot);
  }
  return kept.reverse();
}

/**
 * `cross_above(a, b)` and `cross_below(a, b)` of the same operands (the usual entry and exit pair) become one
 * `cross_pair` step that reads the two columns once and writes both conditions, at the place of the first.
 */
export function fuseCrossPairs(steps: readonly Step[]): Step[] {
  const key = (s: Step) => s.args.map((a) => ("slot" in a ? `s${a.slot}` : `c${a.value}`)).join(",");
  const above = new Map<string, Step>();
  const below = new Map<string, Step>();
  for (const s of steps) {
    if (s.op === "cross_above") above.set(key(s), s);
    if (s.op === "cross_below") below.set(key(s), s);
  }
  const fused: Step[] = [];
  const done = new Set<Step>();
  for (const s of steps) {
    if (done.has(s)) continue;
    const other =
      s.op === "cross_above" ? below.get(key(s)) : s.op === "cross_below" ? above.get(key(s)) : undefined;
    if (other === undefined) {
      fused.push(s);
      continue;
    }
    const [up, down] = s.op === "cross_above" ? [s, other] : [other, s];
    fused.push({ op: "cross_pair", args: s.args, out: up.out, out2: down.out });
    done.add(other);
  }
  return fused;
}
