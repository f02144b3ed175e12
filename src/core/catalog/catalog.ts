/**
 * @module core/catalog/catalog
 * The plugins a run may use, as one value: every family (providers, indicators, strategies, sizing models) as a
 * registry, and where each entry comes from (`"builtin"` or a user's `{ file, sha256 }`). Config parsing,
 * planning, the run pipeline, the validation workers, the HTTP catalog and the CLI all receive a Catalog; none
 * reads a module-level registry. A catalog is immutable: `extendCatalog` returns a new one, and refuses a name
 * that is already taken, naming both origins. The built-in catalog is assembled at the edge
 * (`runs/builtin-catalog.ts`), because providers do I/O and the pure core cannot import them; the core only
 * needs the provider family's names, so it is generic in the provider type.
 */
import type { IndicatorDef } from "../../indicators/types.js";
import type { RiskDef } from "../../risk/types.js";
import type { StrategyDef } from "../../strategies/types.js";
import { quote, StudioError } from "../errors.js";
import { describeOrigin, FAMILY_NOUN, type Family, inlineOrigin, type Origin } from "./plugin-origin.js";
import { assertPluginShape } from "./plugin-shape.js";
import { describeRegistry, type PluginEntry, type Registry, registryOf } from "./registry.js";

export {
  describeOrigin,
  FAMILIES,
  FAMILY_NOUN,
  type Family,
  inlineOrigin,
  type Origin,
} from "./plugin-origin.js";
export { assertPluginShape, pluginLists } from "./plugin-shape.js";

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

/** A catalog of exactly these plugins: all built-in, or with the origins given per family and name. */
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
  const providers = extendFamily(
    "providers",
    base.providers,
    base.origins.providers,
    additions.providers,
    origins,
  );
  const indicators = extendFamily(
    "indicators",
    base.indicators,
    base.origins.indicators,
    additions.indicators,
    origins,
  );
  const strategies = extendFamily(
    "strategies",
    base.strategies,
    base.origins.strategies,
    additions.strategies,
    origins,
  );
  const risk = extendFamily("risk", base.risk, base.origins.risk, additions.risk, origins);
  return Object.freeze({
    providers: providers.registry,
    indicators: indicators.registry,
    strategies: strategies.registry,
    risk: risk.registry,
    origins: Object.freeze({
      providers: providers.origins,
      indicators: indicators.origins,
      strategies: strategies.origins,
      risk: risk.origins,
    }),
  });
}

function extendFamily<T extends PluginEntry>(
  family: Family,
  registry: Registry<T>,
  known: Readonly<Record<string, Origin>>,
  added: readonly T[] | undefined,
  given: "builtin" | PluginOrigins,
): { registry: Registry<T>; origins: Readonly<Record<string, Origin>> } {
  if (added === undefined || added.length === 0) return { registry, origins: known };
  const origins: Record<string, Origin> = { ...known };
  const entries: T[] = Object.values(registry);
  for (const entry of added) {
    const name: unknown = (entry as { name?: unknown } | undefined)?.name;
    const origin =
      given === "builtin"
        ? "builtin"
        : ((typeof name === "string" ? given[family]?.[name] : undefined) ?? inlineOrigin(entry));
    assertPluginShape(family, entry, origin);
    const first = origins[entry.name];
    if (first !== undefined) {
      throw new StudioError(
        "PLUGIN_INVALID",
        `${FAMILY_NOUN[family]} ${quote(entry.name)} is defined twice: by ${describeOrigin(first)} and by ${describeOrigin(origin)}`,
        { family, name: entry.name, origins: [first, origin] },
      );
    }
    origins[entry.name] = origin;
    entries.push(entry);
  }
  return { registry: registryOf(entries), origins: Object.freeze(origins) };
}

/** The origin of an entry the caller has looked up (a name the catalog does not hold reads as built-in). */
export function originOf(catalog: Catalog, family: Family, name: string): Origin {
  return catalog.origins[family][name] ?? "builtin";
}

/** The catalog view of one family: name, summary, params JSON Schema, origin and (user plugins) sha256. */
export function describeFamily(
  catalog: Catalog,
  family: Family,
): { name: string; summary: string; params: unknown; origin: string; sha256?: string }[] {
  return describeRegistry(catalog[family]).map((entry) => {
    const origin = originOf(catalog, family, entry.name);
    return origin === "builtin"
      ? { ...entry, origin: "builtin" }
      : { ...entry, origin: origin.file ?? "inline", sha256: origin.sha256 };
  });
}
