/**
 * @module strategies/rules/evaluate/column-ops
 * Element-wise operators of the rules language over columns (a block of bars): arithmetic into a Float64Array, comparisons
 * and logic into a Uint8Array of 0/1. One operand may be a constant (a number), never both: the compiler folds
 * constant-only expressions. Each operator is its own loop so every loop stays monomorphic and tight; NaN follows
 * IEEE 754 (arithmetic propagates it, every comparison with it is false, `!=` included).
 */

/** A column or a constant broadcast over every bar. */
export type Operand = Float64Array | number;

export type ArithOp = "+" | "-" | "*" | "/";
export type CompareOp = "<" | "<=" | ">" | ">=" | "==" | "!=";

export function arith(op: ArithOp, a: Operand, b: Operand, out: Float64Array): void {
  const n = out.length;
  if (typeof a === "number") {
    const s = a;
    const y = b as Float64Array;
    if (op === "+") for (let i = 0; i < n; i++) out[i] = s + y[i]!;
    else if (op === "-") for (let i = 0; i < n; i++) out[i] = s - y[i]!;
    else if (op === "*") for (let i = 0; i < n; i++) out[i] = s * y[i]!;
    else for (let i = 0; i < n; i++) out[i] = s / y[i]!;
  } else if (typeof b === "number") {
    const s = b;
    if (op === "+") for (let i = 0; i < n; i++) out[i] = a[i]! + s;
    else if (op === "-") for (let i = 0; i < n; i++) out[i] = a[i]! - s;
    else if (op === "*") for (let i = 0; i < n; i++) out[i] = a[i]! * s;
    else for (let i = 0; i < n; i++) out[i] = a[i]! / s;
  } else if (op === "+") for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
  else if (op === "-") for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
  else if (op === "*") for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
  else for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!;
}

export function negate(a: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = -a[i]!;
}

/** `a op b`; a constant on the left is moved to the right by mirroring the operator (`3 < x` is `x > 3`). */
export function compare(op: CompareOp, a: Operand, b: Operand, out: Uint8Array): void {
  if (typeof a === "number") {
    compareColumn(MIRROR[op], b as Float64Array, a, out);
  } else {
    compareColumn(op, a, b, out);
  }
}

const MIRROR: Record<CompareOp, CompareOp> = {
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
  "==": "==",
  "!=": "!=",
};

function compareColumn(op: CompareOp, a: Float64Array, b: Operand, out: Uint8Array): void {
  const n = out.length;
  if (typeof b === "number") {
    const s = b;
    if (op === "<") for (let i = 0; i < n; i++) out[i] = a[i]! < s ? 1 : 0;
    else if (op === "<=") for (let i = 0; i < n; i++) out[i] = a[i]! <= s ? 1 : 0;
    else if (op === ">") for (let i = 0; i < n; i++) out[i] = a[i]! > s ? 1 : 0;
    else if (op === ">=") for (let i = 0; i < n; i++) out[i] = a[i]! >= s ? 1 : 0;
    else if (op === "==") for (let i = 0; i < n; i++) out[i] = a[i]! === s ? 1 : 0;
    else for (let i = 0; i < n; i++) out[i] = a[i]! !== s && !Number.isNaN(a[i]!) ? 1 : 0;
  } else if (op === "<") for (let i = 0; i < n; i++) out[i] = a[i]! < b[i]! ? 1 : 0;
  else if (op === "<=") for (let i = 0; i < n; i++) out[i] = a[i]! <= b[i]! ? 1 : 0;
  else if (op === ">") for (let i = 0; i < n; i++) out[i] = a[i]! > b[i]! ? 1 : 0;
  else if (op === ">=") for (let i = 0; i < n; i++) out[i] = a[i]! >= b[i]! ? 1 : 0;
  else if (op === "==") for (let i = 0; i < n; i++) out[i] = a[i]! === b[i]! ? 1 : 0;
  else {
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x !== y && !Number.isNaN(x) && !Number.isNaN(y) ? 1 : 0;
    }
  }
}

export function and(a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! & b[i]!;
}

export function or(a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! | b[i]!;
}

export function not(a: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! ^ 1;
}
