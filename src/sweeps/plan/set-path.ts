/**
 * @module sweeps/plan/set-path
 * Dotted paths into plain JSON values: a copy of a config with one field set (or removed, for null), and the
 * value at a path. Keys that would reach the prototype are refused, so a path from a spec can never touch
 * anything but the copy's own data.
 */
import { quote, StudioError } from "../../core/errors.js";

const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

export function pathSegments(path: string): string[] {
  const segments = path.split(".");
  for (const s of segments) {
    if (FORBIDDEN.has(s)) {
      throw new StudioError("CONFIG_INVALID", `space.${path}: the key ${quote(s)} is not allowed`, {
        issues: [{ path: `space.${path}`, message: "forbidden key", value: s }],
      });
    }
  }
  return segments;
}

/** A deep copy of `root` with `path` set to `value`; null deletes the field. Missing objects are created. */
export function withPath(root: unknown, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root ?? {}) as Record<string, unknown>;
  const segments = pathSegments(path);
  let cur: Record<string, unknown> = copy;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    const next = Object.hasOwn(cur, key) ? cur[key] : undefined;
    if (next === null || typeof next !== "object") cur[key] = /^\d+$/.test(segments[i + 1]!) ? [] : {};
    cur = cur[key] as Record<string, unknown>;
  }
  const last = segments[segments.length - 1]!;
  if (value === null) delete cur[last];
  else cur[last] = value;
  return copy;
}

/** The value at `path`, or undefined when any step is missing. */
export function valueAtPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of pathSegments(path)) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
