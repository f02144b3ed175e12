/**
 * @module core/canonical-json
 * Canonical JSON: object keys sorted by code unit, no whitespace, numbers as `JSON.stringify` prints them.
 * Two configs that differ only in key order serialize to the same bytes, which is what makes hashes stable.
 * Non-finite numbers have no JSON form and are rejected rather than silently turned into `null`.
 */
import { StudioError } from "./errors.js";

export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) {
        throw new StudioError("INTERNAL", `canonical JSON: non-finite number ${value} at ${path}`);
      }
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return `[${value.map((v, i) => (v === undefined ? "null" : write(v, `${path}[${i}]`))).join(",")}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], `${path}.${k}`)}`).join(",")}}`;
    }
    default:
      throw new StudioError("INTERNAL", `canonical JSON: unsupported ${typeof value} at ${path}`);
  }
}
