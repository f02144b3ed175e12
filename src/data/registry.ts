/**
 * @module data/registry
 * Every built-in candle provider (the `provider` field of a RunConfig). Adding one: write `name.ts` exporting a
 * ProviderDef (+ its test), add it to the list here. Runs read providers from their Catalog. Providers take no params in a RunConfig; `create` is called with
 * the schema's defaults, and environment variables configure what must differ per machine (e.g.
 * STUDIO_BINANCE_URL).
 */
import { lookup, parseParams, type Registry, registryOf } from "../core/catalog/registry.js";
import type { CandleProvider, ProviderDef } from "./provider.js";
import { binance } from "./providers/binance/binance.js";
import { csv } from "./providers/csv/csv.js";
import { synthetic } from "./providers/synthetic/synthetic.js";

export const BUILTIN_PROVIDERS: readonly ProviderDef[] = [synthetic, csv, binance];

/** The built-in providers by name (for the library; runs use their catalog). */
export const PROVIDERS: Registry<ProviderDef> = registryOf(BUILTIN_PROVIDERS);

/** The default provider: embedded, offline, deterministic. */
export const DEFAULT_PROVIDER = "synthetic";

/** Builds the named provider with default params; CONFIG_INVALID listing the valid names otherwise. */
export function createProvider(
  name: string,
  registry: Registry<ProviderDef> = PROVIDERS,
  path = "provider",
): CandleProvider {
  const def = lookup(registry, "provider", name, path);
  return def.create(parseParams(def.schema, {}, `${path}.params`));
}
