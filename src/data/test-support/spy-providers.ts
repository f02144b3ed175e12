/** A provider registry whose entries count fetch calls, to prove what the cache did or did not ask for. */
import type { Registry } from "../../core/catalog/registry.js";
import type { CandleProvider, ProviderDef } from "../provider.js";
import { PROVIDERS } from "../registry.js";

export interface SpyRegistry {
  readonly providers: Registry<ProviderDef>;
  readonly fetches: Record<string, number>;
}

export function spyProviders(
  override: (base: CandleProvider) => Partial<CandleProvider> = () => ({}),
): SpyRegistry {
  const fetches: Record<string, number> = {};
  const providers: Record<string, ProviderDef> = {};
  for (const [name, def] of Object.entries(PROVIDERS)) {
    providers[name] = {
      ...def,
      create: (params: unknown) => {
        const base = def.create(params);
        const patched = { ...base, ...override(base) };
        return {
          ...patched,
          fetch: (request, ctx) => {
            fetches[name] = (fetches[name] ?? 0) + 1;
            return patched.fetch(request, ctx);
          },
        };
      },
    };
  }
  return { providers, fetches };
}
