/**
 * @module strategies/rules/parse/ast
 * The syntax tree of a rule expression, as `parse` builds it. Every node keeps the character offset it starts at
 * (for an operator, the operator's offset), so compile-time errors can point at it.
 */

export type BinaryOp = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "and" | "or";

export type Node =
  | { readonly type: "number"; readonly value: number; readonly pos: number }
  | { readonly type: "var"; readonly name: string; readonly pos: number }
  | { readonly type: "name"; readonly name: string; readonly pos: number }
  | { readonly type: "call"; readonly callee: string; readonly args: readonly Arg[]; readonly pos: number }
  | { readonly type: "output"; readonly object: Node; readonly output: string; readonly pos: number }
  | { readonly type: "unary"; readonly op: "-" | "not"; readonly operand: Node; readonly pos: number }
  | {
      readonly type: "binary";
      readonly op: BinaryOp;
      readonly left: Node;
      readonly right: Node;
      readonly pos: number;
    };

/** A call argument: positional (`10`) or named (`period=10`). */
export interface Arg {
  readonly name?: string;
  /** Offset of the name of a named argument. */
  readonly namePos?: number;
  readonly value: Node;
}
