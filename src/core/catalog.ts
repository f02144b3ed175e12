/**
 * @module catalog
 * The plugins a run may use, as one value: every family (providers, indicators, strategies, sizing models) as a
 * registry, and where each entry comes from (`"builtin"` or a user's `{ file, sha256 }`). Config parsing,
 * planning, the run pipeline, the validation workers, the HTTP catalog and the CLI all receive a Catalog; none
 * reads a module-level registry. A catalog is immutable: `extendCatalog` returns a new one, and refuses a name
 * that is already taken, naming both origins. The built-in catalog is assembled at the edge
 * (`runs/builtin-catalog.ts`), because providers do I/O and the pure core cannot import them; the core only
 * needs the provider family's names, so it is generic in the provider type.
 */
import type { z } from "zod";
import type { IndicatorDef } from "../indicators/types.js";
import type { RiskDef } from "../risk/types.js";
import type { StrategyDef } from "../strategies/types.js";
import { quote, StudioError } from "./errors.js";
import { sha256 } from "./hash.js";
import { describeRegistry, type PluginEntry, type Registry, registryOf } from "./registry.js";

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

export interface Catalog<P extends PluginEntry = PluginEntry> {
  readonly providers: Registry<P>;
  readonly indicators: Registry<IndicatorDef>;
  readonly strategies: Registry<StrategyDef>;
  readonly risk: Registry<RiskDef>;
  /** The origin of every entry, by family and name. */
  readonly origins: { readonly [F in Family]: Readonly<Record<string, Origin>> };
}

/** Plugins to put in a catalog, by family. */
export interface PluginLists<P extends PluginEntry = PluginEntry> {
  readonly providers?: readonly P[];
  readonly indicators?: readonly IndicatorDef[];
  readonly strategies?: readonly StrategyDef[];
  readonly risk?: readonly RiskDef[];
}

/** Origins of added plugins, by family and name; an entry without one gets `inlineOrigin(entry)`. */
export type PluginOrigins = { readonly [F in Family]?: Readonly<Record<string, Origin>> };

/** A catalog of exactly these plugins, all of origin `origin` (built-ins) or as given per name. */
export function createCatalog<P extends PluginEntry = PluginEntry>(
  lists: PluginLists<P>,
  origins: "builtin" | PluginOrigins = "builtin",
): Catalog<P> {
  const empty: Catalog<P> = {
    providers: registryOf<P>([]),
    indicators: registryOf<IndicatorDef>([]),
    strategies: registryOf<StrategyDef>([]),
    risk: registryOf<RiskDef>([]),
    origins: { providers: {}, indicators: {}, strategies: {}, risk: {} },
  };
  return extendCatalog(empty, lists, origins);
}

/**
 * `base` plus `additions`. A name already in `base` (or given twice) is PLUGIN_INVALID naming both origins; an
 * entry that is not a plugin definition (no name, summary or zod schema, or missing its family's functions) is
 * PLUGIN_INVALID naming it and its origin.
 */
export function extendCatalog<P extends PluginEntry>(
  base: Catalog<P>,
  additions: PluginLists<P>,
  origins: "builtin" | PluginOrigins = {},
): Catalog<P> {
  const next = {
    providers: extendFamily(base, "providers", additions.providers, origins),
    indicators: extendFamily(base, "indicators", additions.indicators, origins),
    strategies: extendFamily(base, "strategies", additions.strategies, origins),
    risk: extendFamily(base, "risk", additions.risk, origins),
  };
  return Object.freeze({
    providers: next.providers.registry,
    indicators: next.indicators.registry,
    strategies: next.strategies.registry,
    risk: next.risk.registry,
    origins: Object.freeze({
      providers: next.providers.origins,
      indicators: next.indicators.origins,
      strategies: next.strategies.origins,
      risk: next.risk.origins,
    }),
  });
}

function extendFamily<P extends PluginEntry, F extends Family>(
  base: Catalog<P>,
  family: F,
  added: readonly Catalog<P>[F][string][] | undefined,
  given: "builtin" | PluginOrigins,
): { registry: Catalog<P>[F]; origins: Readonly<Record<string, Origin>> } {
  const registry = base[family] as Registry<PluginEntry>;
  if (added === undefined || added.length === 0) {
    return { registry: base[family], origins: base.origins[family] };
  }
  const origins: Record<string, Origin> = { ...base.origins[family] };
  const entries: PluginEntry[] = Object.values(registry);
  for (const entry of added as readonly PluginEntry[]) {
    const name = (entry as { name?: unknown } | undefined)?.name;
    const origin =
      given === "builtin"
        ? "builtin"
        : ((typeof name === "string" ? given[family]?.[name] : undefined) ?? inlineOrigin(entry));
    assertPluginShape(family, entry, origin);
    if (Object.hasOwn(origins, entry.name)) {
      const first = origins[entry.name]!;
      throw new StudioError(
        "PLUGIN_INVALID",
        `${FAMILY_NOUN[family]} ${quote(entry.name)} is defined twice: by ${describeOrigin(first)} and by ${describeOrigin(origin)}`,
        { family, name: entry.name, origins: [first, origin] },
      );
    }
    origins[entry.name] = origin;
    entries.push(entry);
  }
  // The shape check above makes every entry a valid member of its family.
  return { registry: registryOf(entries) as Catalog<P>[F], origins: Object.freeze(origins) };
}

/** The origin of one entry; CONFIG_INVALID-free: callers look the entry up first. */
export function originOf(catalog: Catalog, family: Family, name: string): Origin {
  return catalog.origins[family][name] ?? "builtin";
}

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

const REQUIRED_FUNCTIONS: Readonly<Record<Family, readonly string[]>> = {
  providers: ["create"],
  indicators: ["lookback", "compute"],
  strategies: ["inputs", "signal"],
  risk: ["quantity"],
};

/** PLUGIN_INVALID unless `entry` has a name, a summary, a zod schema and its family's functions. */
export function assertPluginShape(
  family: Family,
  entry: unknown,
  origin: Origin,
): asserts entry is PluginEntry {
  const e = entry as Record<string, unknown> | null | undefined;
  const name = typeof e?.name === "string" && e.name !== "" ? e.name : undefined;
  const label = `${FAMILY_NOUN[family]} ${name === undefined ? "(unnamed)" : quote(name)} from ${describeOrigin(origin)}`;
  const problems: string[] = [];
  if (e === null || typeof e !== "object") problems.push("is not an object");
  else {
    if (name === undefined) problems.push("has no `name` string");
    if (name !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name))
      problems.push("has a name that is not letters, digits and _ (starting with a letter)");
    if (typeof e.summary !== "string") problems.push("has no `summary` string");
    if (typeof (e.schema as { safeParse?: unknown } | undefined)?.safeParse !== "function")
      problems.push("has no zod `schema`");
    for (const fn of REQUIRED_FUNCTIONS[family]) {
      if (typeof e[fn] !== "function") problems.push(`has no \`${fn}\` function`);
    }
    if (family === "indicators" && !(Array.isArray(e.outputs) && e.outputs.length > 0))
      problems.push("has no `outputs` list");
  }
  if (problems.length > 0) {
    throw new StudioError("PLUGIN_INVALID", `${label} ${problems.join(", ")}`, {
      family,
      name,
      origin,
      problems,
    });
  }
}

/**
 * Sorts a mixed list of user definitions (the library's `plugins: [...]`) into families by shape: a strategy has
 * `inputs` and `signal`, an indicator `outputs` and `compute`. Anything else is PLUGIN_INVALID.
 */
export function pluginLists<P extends PluginEntry = PluginEntry>(
  plugins: readonly unknown[],
): PluginLists<P> {
  const strategies: StrategyDef[] = [];
  const indicators: IndicatorDef[] = [];
  for (const plugin of plugins) {
    const p = plugin as Record<string, unknown> | null | undefined;
    if (typeof p?.signal === "function" || typeof p?.inputs === "function")
      strategies.push(p as unknown as StrategyDef);
    else if (typeof p?.compute === "function" || Array.isArray(p?.outputs))
      indicators.push(p as unknown as IndicatorDef);
    else {
      throw new StudioError(
        "PLUGIN_INVALID",
        `plugin ${quote(p?.name ?? plugin)} is neither a strategy (inputs + signal) nor an indicator (outputs + lookback + compute)`,
      );
    }
  }
  return { strategies, indicators };
}

/** The catalog view of one family: name, summary, params JSON Schema, origin and (user plugins) sha256. */
export function describeFamily(
  catalog: Catalog,
  family: Family,
): { name: string; summary: string; params: unknown; origin: string; sha256?: string }[] {
  return describeRegistry(catalog[family] as Registry<PluginEntry>).map((entry) => {
    const origin = originOf(catalog, family, entry.name);
    return origin === "builtin"
      ? { ...entry, origin: "builtin" }
      : { ...entry, origin: origin.file ?? "inline", sha256: origin.sha256 };
  });
}
