/**
 * @module runs/builtin-catalog
 * Every plugin the studio ships, as one Catalog: the providers (which do I/O, so they join here, at the edge)
 * and the built-in indicators, strategies and sizing models. The studio service, the CLI and the HTTP server
 * start from it and extend it with the user's plugins.
 */
import { type Catalog, createCatalog } from "../core/catalog/catalog.js";
import type { ProviderDef } from "../data/provider.js";
import { BUILTIN_PROVIDERS } from "../data/registry.js";
import { BUILTIN_ENGINE_PLUGINS } from "../engine/engine-catalog.js";

/** A catalog whose providers can be created (what runs need to load candles). */
export type StudioCatalog = Catalog<ProviderDef>;

let builtins: StudioCatalog | undefined;

/** Every built-in plugin, origin `"builtin"` (created once; catalogs are immutable). */
export function builtinCatalog(): StudioCatalog {
  builtins ??= createCatalog<ProviderDef>({ ...BUILTIN_ENGINE_PLUGINS, providers: BUILTIN_PROVIDERS });
  return builtins;
}
