/**
 * @module core/catalog/plugin-origin
 * Where a plugin comes from, and how messages name it: `"builtin"` (shipped with the studio) or the user's code,
 * `{ file, sha256 }`, with no `file` for a plugin passed in memory, whose version is then the sha256 of its
 * definition's source text.
 */
import type { z } from "zod";
import { sha256 } from "../hash.js";
import { describeRegistry, type PluginEntry } from "./registry.js";

/** Where a plugin comes from: shipped with the studio, or the user's code (`file` absent: passed in memory). */
export type Origin = "builtin" | { readonly file?: string; readonly sha256: string };

export const FAMILIES = ["providers", "indicators", "strategies", "risk"] as const;
export type Family = (typeof FAMILIES)[number];

/** How error messages name one entry of a family. */
export const FAMILY_NOUN: Readonly<Record<Family, string>> = {
  providers: "provider",
  indicators: "indicator",
  strategies: "strategy",
  risk: "risk model",
};

/** Human wording of an origin for messages: "the built-in", the file, or an in-memory plugin's hash. */
export function describeOrigin(origin: Origin): string {
  if (origin === "builtin") return "the built-in";
  return origin.file ?? `a plugin passed in code (sha256 ${origin.sha256.slice(0, 12)})`;
}

/**
 * The version of a plugin passed in memory (the library's `plugins: [...]`): sha256 over its name, summary,
 * params JSON Schema and the source text of its functions. Code reached through closures or imports is not
 * seen; plugin files loaded from the studio home are hashed from their bundled code instead.
 */
export function inlineOrigin(entry: PluginEntry): Origin {
  const parts: [string, string][] = [];
  for (const [key, value] of Object.entries(entry as unknown as Record<string, unknown>)) {
    if (typeof value === "function") parts.push([key, value.toString()]);
    else if (key === "schema") parts.push([key, schemaText(value)]);
    else parts.push([key, safeJson(value)]);
  }
  return { sha256: sha256(JSON.stringify(parts)) };
}

function schemaText(schema: unknown): string {
  try {
    return safeJson(
      describeRegistry({ x: { name: "x", summary: "", schema: schema as z.ZodType } })[0]?.params,
    );
  } catch {
    return "(schema)";
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
