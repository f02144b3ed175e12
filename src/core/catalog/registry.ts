/**
 * @module core/catalog/registry
 * The one plugin shape shared by every family (providers, indicators, strategies, risk models): entries
 * `{ name, summary, schema, ... }` gathered into a frozen name -> entry registry by `registryOf([sma, ema])`, so a
 * name is written once (by the entry itself) and never cast. Config validation, the CLI and the HTTP catalog read
 * the same registries (through a run's Catalog), and an unknown name always answers with the list of valid ones.
 */
import { z } from "zod";
import { quote, StudioError } from "../errors.js";

export interface PluginEntry<S extends z.ZodType = z.ZodType> {
  /** The name users write in configs. */
  readonly name: string;
  /** One sentence shown in the catalog and `--help`. */
  readonly summary: string;
  /** Params schema: strict, with a default and a doc comment (`.describe`) per field. */
  readonly schema: S;
}

export type Registry<T extends PluginEntry> = Readonly<Record<string, T>>;

/**
 * A registry of `entries`, keyed by each entry's own name, in list order. Two entries with one name are
 * PLUGIN_INVALID: a registry never silently keeps one of them.
 */
export function registryOf<T extends PluginEntry>(entries: readonly T[]): Registry<T> {
  const out: Record<string, T> = {};
  for (const entry of entries) {
    if (typeof entry?.name !== "string" || entry.name === "") {
      throw new StudioError("PLUGIN_INVALID", `a plugin has no name (got ${quote(entry?.name)})`);
    }
    if (Object.hasOwn(out, entry.name)) {
      throw new StudioError("PLUGIN_INVALID", `two plugins are named ${quote(entry.name)}`, {
        name: entry.name,
      });
    }
    out[entry.name] = entry;
  }
  return Object.freeze(out);
}

/** The entry called `name`, or CONFIG_INVALID at `path` listing every valid name. */
export function lookup<T extends PluginEntry>(
  registry: Registry<T>,
  kind: string,
  name: string,
  path: string,
): T {
  const entry = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (entry === undefined) {
    const valid = Object.keys(registry);
    throw new StudioError(
      "CONFIG_INVALID",
      `${path}: unknown ${kind} ${quote(name)}; valid: ${valid.join(", ")}`,
      {
        issues: [{ path, message: `unknown ${kind}`, value: name, valid }],
      },
    );
  }
  return entry;
}

/** Parses plugin params with the plugin's schema; errors become CONFIG_INVALID with paths under `path`. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown, path: string): z.output<S> {
  const result = schema.safeParse(params ?? {});
  if (!result.success) throw configError(result.error, params ?? {}, path);
  return result.data;
}

export interface ConfigIssue {
  path: string;
  message: string;
  value: unknown;
}

/** Turns a ZodError into CONFIG_INVALID whose message names each JSON path and the offending value. */
export function configError(error: z.ZodError, input: unknown, prefix = ""): StudioError {
  const issues: ConfigIssue[] = error.issues.map((issue) => {
    const path = joinPath(prefix, issue.path);
    const value = issue.code === "unrecognized_keys" ? issue.keys : valueAt(input, issue.path);
    return { path: path || "(root)", message: issue.message, value };
  });
  const message = issues.map((i) => `${i.path}: ${i.message} (got ${quote(i.value)})`).join("; ");
  return new StudioError("CONFIG_INVALID", message, { issues });
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Catalog view of a registry: name, summary and the params' JSON Schema (input side, so defaults show). */
export function describeRegistry(
  registry: Registry<PluginEntry>,
): { name: string; summary: string; params: unknown }[] {
  return Object.values(registry).map((entry) => ({
    name: entry.name,
    summary: entry.summary,
    params: z.toJSONSchema(entry.schema, { io: "input", unrepresentable: "any" }),
  }));
}
