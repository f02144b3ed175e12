/**
 * @module strategies/rules/compile/functions
 * The built-in functions of the rules language, as data: what each takes and returns, for type checks, error
 * messages and the docs. Their column kernels live in `window-ops`. A built-in name wins over a catalog indicator
 * of the same name. Argument kinds: `number` (a number column or constant), `condition`, `any` (either; the
 * result has its type) and `count` (a constant whole number >= 1: a number or a $var, fixed at plan time).
 */

export type ArgKind = "number" | "condition" | "any" | "count";
export type ValueType = "number" | "condition";

export interface RuleFunction {
  readonly name: string;
  /** As the docs and error messages write it, e.g. `prev(x, k)`. */
  readonly signature: string;
  readonly summary: string;
  readonly args: readonly ArgKind[];
  /** Result type; `"any"` means the type of the first argument. */
  readonly result: ValueType | "any";
}

const list: readonly RuleFunction[] = [
  {
    name: "prev",
    signature: "prev(x, k)",
    summary: "x as it was k >= 1 bars earlier (NaN, or false, for the first k bars).",
    args: ["any", "count"],
    result: "any",
  },
  {
    name: "cross_above",
    signature: "cross_above(a, b)",
    summary: "True on a bar where a was strictly below b on the previous bar and is strictly above it now.",
    args: ["number", "number"],
    result: "condition",
  },
  {
    name: "cross_below",
    signature: "cross_below(a, b)",
    summary: "True on a bar where a was strictly above b on the previous bar and is strictly below it now.",
    args: ["number", "number"],
    result: "condition",
  },
  {
    name: "highest",
    signature: "highest(x, n)",
    summary: "Largest of the last n values of x, the current one included (NaN until n values exist).",
    args: ["number", "count"],
    result: "number",
  },
  {
    name: "lowest",
    signature: "lowest(x, n)",
    summary: "Smallest of the last n values of x, the current one included (NaN until n values exist).",
    args: ["number", "count"],
    result: "number",
  },
  {
    name: "bars_since",
    signature: "bars_since(cond)",
    summary: "Bars since cond was last true: 0 on a bar where it is true, NaN before it first is.",
    args: ["condition"],
    result: "number",
  },
];

export const RULE_FUNCTIONS: Readonly<Record<string, RuleFunction>> = Object.fromEntries(
  list.map((f) => [f.name, f]),
);
