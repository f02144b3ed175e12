/**
 * @module validation/walk-forward/param-path
 * How a walk-forward grid names a strategy param: a top-level key (`fast`) or a dotted path into an object param
 * (`vars.fast` for the `rules` strategy's vars). The grid's key stays the dotted string (it is what `best_params`
 * reports); these helpers read, set and find the schema of the param it names.
 */
import type { z } from "zod";
import type { StrategyParams } from "../types.js";

/** `params` with the param at `key` set to `value`; objects on the path are copied, never mutated. */
export function withParam(params: StrategyParams, key: string, value: unknown): StrategyParams {
  const dot = key.indexOf(".");
  if (dot < 0) return { ...params, [key]: value };
  const head = key.slice(0, dot);
  const inner = params[head];
  const base = inner !== null && typeof inner === "object" ? (inner as StrategyParams) : {};
  return { ...params, [head]: withParam(base, key.slice(dot + 1), value) };
}

/** Whether `key` names a param present in `params`. */
export function hasParam(params: StrategyParams, key: string): boolean {
  let cur: unknown = params;
  for (const part of key.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return false;
    cur = (cur as StrategyParams)[part];
  }
  return true;
}

/** Every key a grid may name in `params`: top-level keys and, for object params, `head.key` paths. */
export function paramKeys(params: StrategyParams): string[] {
  return Object.entries(params).flatMap(([key, value]) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? [key, ...Object.keys(value).map((inner) => `${key}.${inner}`)]
      : [key],
  );
}

/** The schema of the param at `key` inside an object schema (through defaults, optionals and records). */
export function schemaAt(schema: z.ZodType, key: string): z.ZodType | undefined {
  let cur: z.ZodType | undefined = schema;
  for (const part of key.split(".")) {
    cur = unwrap(cur);
    const def = (
      cur as unknown as { _zod: { def: { shape?: Record<string, z.ZodType>; valueType?: z.ZodType } } }
    )._zod.def;
    cur = def.shape?.[part] ?? def.valueType;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let cur = schema;
  for (;;) {
    const def = (cur as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
    if ((def.type === "default" || def.type === "optional" || def.type === "prefault") && def.innerType) {
      cur = def.innerType;
    } else {
      return cur;
    }
  }
}
