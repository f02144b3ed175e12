/**
 * @module engine/engine-catalog
 * The built-in indicators, strategies and sizing models as a Catalog with no providers: what the in-memory
 * engine (the library's `runBacktest`) starts from when it is given candles rather than a provider. The full
 * built-in catalog, providers included, is `builtinCatalog()` at the edge.
 */
import { type Catalog, createCatalog, extendCatalog, pluginLists } from "../core/catalog/catalog.js";
import type { PluginEntry } from "../core/catalog/registry.js";
import { BUILTIN_INDICATORS } from "../indicators/registry.js";
import { BUILTIN_RISK_MODELS } from "../risk/registry.js";
import { BUILTIN_STRATEGIES } from "../strategies/registry.js";

/** The built-in plugins of every family but providers, as lists. */
export const BUILTIN_ENGINE_PLUGINS = {
  indicators: BUILTIN_INDICATORS,
  strategies: BUILTIN_STRATEGIES,
  risk: BUILTIN_RISK_MODELS,
} as const;

let builtins: Catalog | undefined;

/** Built-in indicators, strategies and sizing models (created once; catalogs are immutable). */
export function engineCatalog(): Catalog {
  builtins ??= createCatalog(BUILTIN_ENGINE_PLUGINS);
  return builtins;
}

/** `base` plus user strategies and indicators passed in code; a name clash is PLUGIN_INVALID. */
export function withPlugins<P extends PluginEntry>(
  base: Catalog<P>,
  plugins: readonly unknown[] | undefined,
): Catalog<P> {
  if (plugins === undefined || plugins.length === 0) return base;
  return extendCatalog(base, pluginLists<P>(plugins));
}
