/**
 * @module runs/merge-config
 * How a config that names a preset is completed: the preset is the base and the given fields override it.
 * Plain objects merge key by key at every depth; arrays and scalars replace. A plugin reference (an object with
 * a `name`) whose name changes is replaced whole, because params of one strategy mean nothing to another.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  if (typeof base.name === "string" && typeof override.name === "string" && base.name !== override.name) {
    return override;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = key in base ? mergeConfig(base[key], value) : value;
  }
  return out;
}

/**
 * Sets `path` (dot-separated; `[i]` or a numeric segment indexes arrays) to `value` in a copy of `target`,
 * creating objects on the way. Used by `studio run --set strategy.params.fast=20`.
 */
export function setPath(target: unknown, path: string, value: unknown): unknown {
  const keys = path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((k) => k !== "");
  if (keys.length === 0) throw new Error(`empty path in --set ${JSON.stringify(path)}`);
  for (const k of keys) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") {
      throw new Error(`forbidden key ${JSON.stringify(k)} in --set path`);
    }
  }
  const assign = (node: unknown, i: number): unknown => {
    const key = keys[i]!;
    const container: Record<string, unknown> | unknown[] = Array.isArray(node)
      ? [...node]
      : isPlainObject(node)
        ? { ...node }
        : /^\d+$/.test(key)
          ? []
          : {};
    const child = (container as Record<string, unknown>)[key];
    (container as Record<string, unknown>)[key] = i === keys.length - 1 ? value : assign(child, i + 1);
    return container;
  };
  return assign(target, 0);
}

/** `--set` values: JSON when they parse as JSON (numbers, booleans, arrays, objects, quoted strings), else text. */
export function parseSetValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
